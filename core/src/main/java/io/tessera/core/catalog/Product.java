package io.tessera.core.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A product of the current tenant's catalog.
 *
 * @param priceMinor     price in the currency's minor units (cents for EUR)
 * @param currency       ISO 4217 code
 * @param imageUploadId  an uploaded image of this tenant, if any
 * @param version        incremented by every change, stock reservations included; the ETag a
 *                       replacement must name in {@code If-Match}
 */
@Serdeable
public record Product(String productId, String name, @Nullable String description, long priceMinor, String currency,
                      int stock, @Nullable String imageUploadId, Instant createdAt, Instant updatedAt, long version) {
}
