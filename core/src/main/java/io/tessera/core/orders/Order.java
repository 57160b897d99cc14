package io.tessera.core.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.catalog.LineItem;

import java.time.Instant;
import java.util.List;

/**
 * An order of the current tenant.
 *
 * @param ownerId         the user who placed it
 * @param version         incremented by every status change; transitions are conditional on it
 * @param rejectionReason why a checkout ended REJECTED
 */
@Serdeable
public record Order(String orderId, String ownerId, OrderStatus status, List<LineItem> lines, long totalMinor,
                    String currency, Instant createdAt, Instant updatedAt, long version,
                    @Nullable String rejectionReason) {
}
