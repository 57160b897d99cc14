package io.tessera.core.tenants;

import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.context.CallContext;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.Tier;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserAccounts;
import io.tessera.core.users.UserDirectory;
import io.tessera.core.users.Usernames;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

/**
 * Public signup: a tenant profile and its first admin, who can log in at once. The profile is
 * written PENDING first; if creating the Cognito account or activating fails, what was created is
 * removed again, so a failure leaves neither half behind.
 */
@Singleton
public class TenantSignup {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantProfiles profiles;
    private final UserDirectory users;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    TenantSignup(TenantProfiles profiles, UserDirectory users, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public Tenant signUp(String companyName, String adminEmail, String password, Tier tier) {
        String username = Usernames.of(adminEmail);
        String tenantId = newTenantId();
        String correlationId = CallContext.current().map(CallContext::correlationId).orElse(null);
        return CallContext.system(tenantId, correlationId).call(() -> {
            if (!profiles.createPending(companyName, tier)) {
                throw new IllegalStateException("tenant id collision: " + tenantId);
            }
            String adminId;
            try {
                adminId = accounts.create(username, tenantId, Role.TENANT_ADMIN, password, null, false);
            } catch (RuntimeException e) {
                profiles.deletePending();
                throw e;
            }
            try {
                users.addFirstAdmin(TenantUser.added(adminId, username, Role.TENANT_ADMIN, clock.instant()));
            } catch (RuntimeException e) {
                accounts.delete(username);
                profiles.deletePending();
                throw e;
            }
            new CallContext(tenantId, adminId, Set.of(Role.TENANT_ADMIN.group()), CallContext.newCorrelationId()).run(() ->
                    audit.record(AuditAction.TENANT_CREATED, tenantId, AuditEntry.SUCCEEDED, "tier " + tier.wireName()));
            return profiles.get().orElseThrow();
        });
    }

    private static String newTenantId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
