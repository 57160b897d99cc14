package io.tessera.core.tenants;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.Positive;

/**
 * What a tier allows, configured under {@code tessera.tiers.<tier>} (see application.yml); the
 * one place the code reads limits from.
 */
@EachProperty("tessera.tiers")
public interface TierLimits {

    @Parameter
    String getName();

    @Positive
    int getMaxUsers();

    @Positive
    long getMaxUploadBytes();

    @Positive
    long getStorageQuotaBytes();

    /** Sustained requests per second per tenant (the burst allowance is the same number). */
    @Positive
    int getRequestsPerSecond();
}
