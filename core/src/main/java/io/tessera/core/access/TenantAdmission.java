package io.tessera.core.access;

import io.tessera.core.context.CallContext;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.Tiers;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Whether a tenant user's REST request or WebSocket message may run now: the tenant is active and
 * the user still holds the authority of the token ({@link TenantAccess}: 403 or 401 otherwise), and
 * the tenant is within its tier's request rate ({@link TenantRateLimiter}: 429 otherwise). Both
 * channels draw on the same bucket per tenant.
 */
@Singleton
public class TenantAdmission {

    private final TenantAccess access;
    private final TenantRateLimiter rateLimiter;
    private final Tiers tiers;

    TenantAdmission(TenantAccess access, TenantRateLimiter rateLimiter, Tiers tiers) {
        this.access = access;
        this.rateLimiter = rateLimiter;
        this.tiers = tiers;
    }

    /**
     * @param caller        a tenant user (its {@code tenantId} set)
     * @param tokenIssuedAt the {@code iat} of the caller's token
     * @param enrollingMfa  whether the request is one a user needs to enrol the MFA the tenant requires
     * @return the caller's tenant, answered from memory when this process knows it, read otherwise
     * @throws io.tessera.core.problems.ProblemException 401, 403 or 429 as above
     */
    public Tenant admit(CallContext caller, Instant tokenIssuedAt, boolean enrollingMfa) {
        Tenant tenant = access.verifyIfKnown(caller, tokenIssuedAt, enrollingMfa)
                .orElseGet(() -> access.verify(caller, tokenIssuedAt, enrollingMfa));
        rateLimiter.acquire(tenant.id(), tiers.of(tenant.tier()).getRequestsPerSecond());
        return tenant;
    }
}
