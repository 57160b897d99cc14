package io.tessera.core.events;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.catalog.LineItem;

import java.time.Instant;
import java.util.List;

/** The detail of a {@code CheckoutRequested} event: a snapshot of the basket being checked out. */
@Serdeable
public record CheckoutRequested(String eventId, String tenantId, String userId, String checkoutId,
                                List<LineItem> lines, String currency, long totalMinor,
                                Instant occurredAt, String correlationId) {
}
