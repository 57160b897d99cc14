package io.tessera.core.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.catalog.LineItem;

import java.time.Instant;
import java.util.List;

/**
 * The detail of a {@code CheckoutRequested} event: a snapshot of the basket being checked out, with
 * the correlation id and the W3C {@code traceparent} of the checkout request.
 */
@Serdeable
public record CheckoutRequested(String eventId, String tenantId, String userId, String checkoutId,
                                List<LineItem> lines, String currency, long totalMinor,
                                Instant occurredAt, String correlationId,
                                @Nullable String traceparent) {
}
