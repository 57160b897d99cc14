package io.tessera.core.users;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.problems.ProblemException;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.Tiers;
import io.tessera.core.users.GeneratedPasswords;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A tenant admin's user management. The directory is changed first (it enforces the seat limit
 * and the last-admin rule atomically), then Cognito; if Cognito fails, the directory change is
 * undone. Every action is audited, refusals included.
 */
@Singleton
public class UserAdministration {

    private final UserDirectory users;
    private final TenantProfiles profiles;
    private final Tiers tiers;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final TenantAccess access;
    private final InvitationConfiguration invitations;
    private final Clock clock;

    UserAdministration(UserDirectory users, TenantProfiles profiles, Tiers tiers, UserAccounts accounts,
                       AuditTrail audit, TenantAccess access, InvitationConfiguration invitations, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tiers = tiers;
        this.accounts = accounts;
        this.audit = audit;
        this.access = access;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** @param temporaryPassword present only when invitations are delivered through the API */
    public record Invitation(TenantUser user, @Nullable String temporaryPassword) {
    }

    public Invitation invite(String email, Role role) {
        String username = Usernames.of(email);
        Tenant tenant = profiles.get().orElseThrow();
        audited(AuditAction.USER_INVITED, username, () -> {
            users.reserveSeat(role, tiers.of(tenant.tier()).getMaxUsers());
            return null;
        });
        String temporaryPassword = GeneratedPasswords.generate(16);
        boolean byEmail = invitations.getInvitations() == InvitationConfiguration.Delivery.EMAIL;
        String userId;
        try {
            userId = accounts.create(username, tenant.id(), role, null, temporaryPassword, byEmail);
        } catch (RuntimeException e) {
            users.releaseSeat(role);
            throw e;
        }
        TenantUser user = TenantUser.added(userId, username, role, clock.instant());
        try {
            users.add(user);
        } catch (RuntimeException e) {
            accounts.delete(username);
            users.releaseSeat(role);
            throw e;
        }
        audit.record(AuditAction.USER_INVITED, userId, AuditEntry.SUCCEEDED, username + " as " + role.group());
        return new Invitation(user, byEmail ? null : temporaryPassword);
    }

    /** Changes role, enabled or both, if the user is still at {@code readVersion} when one is given (412 otherwise). */
    public TenantUser change(String userId, @Nullable Role role, @Nullable Boolean enabled, OptionalLong readVersion) {
        TenantUser user = users.get(userId, readVersion);
        if (role != null && role != user.role()) {
            Role previous = user.role();
            long version = user.version();
            user = audited(AuditAction.ROLE_CHANGED, userId, () -> users.changeRole(userId, role, OptionalLong.of(version)));
            try {
                accounts.changeRole(user.username(), previous, role);
            } catch (RuntimeException e) {
                users.changeRole(userId, previous, OptionalLong.empty());
                throw e;
            }
            audit.record(AuditAction.ROLE_CHANGED, userId, AuditEntry.SUCCEEDED, previous.group() + " -> " + role.group());
        }
        if (enabled != null && enabled != user.enabled()) {
            AuditAction action = enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED;
            long version = user.version();
            user = audited(action, userId, () -> users.setEnabled(userId, enabled, OptionalLong.of(version)));
            try {
                accounts.setEnabled(user.username(), enabled);
            } catch (RuntimeException e) {
                users.setEnabled(userId, !enabled, OptionalLong.empty());
                throw e;
            }
            audit.record(action, userId, AuditEntry.SUCCEEDED, null);
        }
        access.forget(profiles.get().orElseThrow().id());
        return user;
    }

    public void remove(String userId, OptionalLong readVersion) {
        TenantUser user = audited(AuditAction.USER_DELETED, userId, () -> users.remove(userId, readVersion));
        accounts.delete(user.username());
        audit.record(AuditAction.USER_DELETED, userId, AuditEntry.SUCCEEDED, user.username());
        access.forget(profiles.get().orElseThrow().id());
    }

    /** Runs a directory change; if a rule refuses it, the refusal is audited before it reaches the caller. */
    private <T> T audited(AuditAction action, String target, Supplier<T> change) {
        try {
            return change.get();
        } catch (ProblemException e) {
            if (e.status().getCode() != 404) {
                audit.record(action, target, AuditEntry.REFUSED, e.getMessage());
            }
            throw e;
        }
    }
}
