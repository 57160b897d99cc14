package io.tessera.core.users;

import io.tessera.core.access.TenantAccess;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.context.CallContext;
import jakarta.inject.Singleton;

/**
 * A user signs themselves out of every device (SPEC §4): Cognito revokes every refresh token of the
 * account (AdminUserGlobalSignOut), and for a tenant user the directory marks the access changed, so
 * that every ID token issued before this second is refused on REST and open WebSocket connections
 * are closed within seconds, by the same current-authority rule as a disable. The change is in the
 * tenant's audit trail. A platform admin has no directory entry: their refresh tokens stop at once,
 * an ID token already issued holds until it expires (at most an hour).
 */
@Singleton
public class SignOutEverywhere {

    private final UserDirectory users;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final TenantAccess access;

    SignOutEverywhere(UserDirectory users, UserAccounts accounts, AuditTrail audit, TenantAccess access) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.access = access;
    }

    /**
     * Signs the caller out everywhere.
     *
     * @param username the caller's Cognito username (for a tenant user, the directory's is used)
     */
    public void signOut(String username) {
        CallContext caller = CallContext.caller();
        if (caller.tenantId() == null) {
            accounts.signOutEverywhere(username);
            return;
        }
        endSessions(caller.userId(), AuditAction.SIGNED_OUT_EVERYWHERE);
    }

    /**
     * Ends every session of a user of the current tenant, as {@link #signOut} does, and records
     * why in the tenant's audit trail.
     *
     * @param userId the user, in the current call's tenant
     * @param why    the audit action: a sign-out, a password reset
     * @throws io.tessera.core.problems.NotFoundException when the tenant has no such user
     */
    void endSessions(String userId, AuditAction why) {
        TenantUser user = users.signOutEverywhere(userId);
        access.forget(CallContext.caller().tenantId());
        accounts.signOutEverywhere(user.username());
        audit.record(why, user.userId(), AuditEntry.SUCCEEDED, null);
    }
}
