package io.tessera.core.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tessera.core.context.CallContext;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, for every request and WebSocket connection of a tenant user, whether the verified
 * token is still good enough: the tenant must be active, and the user must still be in its
 * directory, enabled, and in the role the token claims (ID tokens live up to an hour; a suspended
 * tenant or a disabled user must not). What is stored is kept in this process for at most
 * {@link #MAX_AGE} and read again in the background once it is {@link #REFRESH_AFTER} old, so
 * that a busy tenant's requests are answered from memory, on the event loop, without waiting.
 */
@Singleton
public class TenantAccess {

    public static final Duration REFRESH_AFTER = Duration.ofSeconds(2);
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final LoadingCache<String, Optional<Tenant>> tenants;
    private final LoadingCache<UserKey, Optional<TenantUser>> users;

    TenantAccess(TenantProfiles profiles, UserDirectory directory) {
        this.tenants = Caffeine.newBuilder().refreshAfterWrite(REFRESH_AFTER).expireAfterWrite(MAX_AGE).maximumSize(10_000)
                .build(tenantId -> CallContext.system(tenantId, null).call(profiles::get));
        this.users = Caffeine.newBuilder().refreshAfterWrite(REFRESH_AFTER).expireAfterWrite(MAX_AGE).maximumSize(100_000)
                .build(key -> CallContext.system(key.tenantId(), null).call(() -> directory.find(key.userId())));
    }

    private record UserKey(String tenantId, String userId) {
    }

    /**
     * Returns the caller's tenant, or throws: 403 for a tenant that is not active or a disabled
     * user, 401 for a user who left the tenant or whose role or enabled state changed since the
     * token was issued, 403 for a user without the MFA the tenant requires unless {@code enrollingMfa}
     * (see {@link Revocation#ofUser}).
     *
     * @param tokenIssuedAt the {@code iat} of the token the caller came with
     * @param enrollingMfa  whether the request is one a user needs to enrol MFA ({@code GET /me}, {@code /me/mfa/**})
     */
    public Tenant verify(CallContext caller, Instant tokenIssuedAt, boolean enrollingMfa) {
        Optional<Tenant> tenant = tenants.get(caller.tenantId());
        Optional<Revocation> revocation = caller.userId() == null
                ? Revocation.ofTenant(tenant)
                : Revocation.ofUser(tenant, users.get(new UserKey(caller.tenantId(), caller.userId())), caller.roles(), tokenIssuedAt);
        refuse(revocation, enrollingMfa);
        return tenant.orElseThrow();
    }

    /**
     * Like {@link #verify}, answered only from what this process holds: empty when the tenant or
     * the user would have to be read first (with {@link #verify}, a blocking DynamoDB read).
     */
    public Optional<Tenant> verifyIfKnown(CallContext caller, Instant tokenIssuedAt, boolean enrollingMfa) {
        Optional<Tenant> tenant = tenants.getIfPresent(caller.tenantId());
        if (tenant == null) {
            return Optional.empty();
        }
        if (caller.userId() == null) {
            Revocation.ofTenant(tenant).ifPresent(revoked -> {
                throw revoked.toProblem();
            });
            return tenant;
        }
        Optional<TenantUser> user = users.getIfPresent(new UserKey(caller.tenantId(), caller.userId()));
        if (user == null) {
            return Optional.empty();
        }
        refuse(Revocation.ofUser(tenant, user, caller.roles(), tokenIssuedAt), enrollingMfa);
        return tenant;
    }

    /** The caller's directory entry as this process holds it (read by an earlier {@link #verify}), or empty. */
    public Optional<TenantUser> knownUser(CallContext caller) {
        Optional<TenantUser> user = users.getIfPresent(new UserKey(caller.tenantId(), caller.userId()));
        return user == null ? Optional.empty() : user;
    }

    private static void refuse(Optional<Revocation> revocation, boolean enrollingMfa) {
        revocation.filter(revoked -> !(enrollingMfa && revoked.enrolMfa())).ifPresent(revoked -> {
            throw revoked.toProblem();
        });
    }

    /** Makes this process see a tenant's or user's change at once instead of after the cache expires. */
    public void forget(String tenantId) {
        tenants.invalidate(tenantId);
        users.asMap().keySet().removeIf(key -> key.tenantId().equals(tenantId));
    }
}
