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
        TenantUser user = users.signOutEverywhere(caller.userId());
        access.forget(caller.tenantId());
        accounts.signOutEverywhere(user.username());
        audit.record(AuditAction.SIGNED_OUT_EVERYWHERE, user.userId(), AuditEntry.SUCCEEDED, null);
    }
}
