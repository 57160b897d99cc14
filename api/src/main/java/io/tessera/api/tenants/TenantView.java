package io.tessera.api.tenants;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import io.tessera.core.tenants.TierLimits;

import java.time.Instant;

/** A tenant as the API shows it, with the limits of its tier. */
@Serdeable
public record TenantView(String id, String name, Tier tier, TenantStatus status, Instant createdAt,
                         int userCount, long storageUsedBytes, Limits limits, long version, boolean mfaRequired) {

    @Serdeable
    public record Limits(int maxUsers, long maxUploadBytes, long storageQuotaBytes, int requestsPerSecond) {
    }

    public static TenantView of(Tenant tenant, TierLimits limits) {
        return new TenantView(tenant.id(), tenant.name(), tenant.tier(), tenant.status(), tenant.createdAt(),
                tenant.userCount(), tenant.storageUsedBytes(),
                new Limits(limits.getMaxUsers(), limits.getMaxUploadBytes(), limits.getStorageQuotaBytes(), limits.getRequestsPerSecond()),
                tenant.version(), tenant.mfaRequired());
    }
}
