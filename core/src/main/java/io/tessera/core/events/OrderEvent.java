package io.tessera.core.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The detail of {@code OrderCreated} and {@code OrderStatusChanged}, published from the orders'
 * stream.
 *
 * @param eventId        {@code tenantId:orderId:version}: the same order version always gives the same id, so
 *                       consumers can drop duplicates
 * @param previousStatus absent for {@code OrderCreated}
 * @param version        the order's version after this change; orders events of one order
 * @param correlationId  the correlation id of the request that made the change
 * @param traceparent    the W3C {@code traceparent} of that request's trace, carried on to the push
 */
@Serdeable
public record OrderEvent(String eventId, String tenantId, String orderId, String ownerId,
                         @Nullable String previousStatus, String status, long version,
                         long totalMinor, String currency, Instant occurredAt, @Nullable String correlationId,
                         @Nullable String traceparent) {
}
