package io.tessera.streams.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.tessera.core.events.EventPublisher;
import io.tessera.core.events.OrderEvent;
import io.tessera.core.events.TesseraEvents;
import io.tessera.streams.batch.StreamImages;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which order event a stream record stands for: a new order item is {@code OrderCreated}, a
 * changed status is {@code OrderStatusChanged}; everything else in the table is not an order event.
 */
@Singleton
class OrderEvents {

    Optional<EventPublisher.Event> of(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<EnhancedDocument> after = StreamImages.newImage(record);
        if (after.isEmpty() || !"ORDER".equals(after.get().getString("type"))) {
            return Optional.empty();
        }
        Optional<EnhancedDocument> before = StreamImages.oldImage(record);
        String previousStatus = before.map(image -> image.getString("status")).orElse(null);
        String status = after.get().getString("status");
        if ("INSERT".equals(record.getEventName()) || before.isEmpty()) {
            return Optional.of(new EventPublisher.Event(TesseraEvents.ORDERS_SOURCE, TesseraEvents.ORDER_CREATED, detail(after.get(), null)));
        }
        if ("MODIFY".equals(record.getEventName()) && !Objects.equals(previousStatus, status)) {
            return Optional.of(new EventPublisher.Event(TesseraEvents.ORDERS_SOURCE, TesseraEvents.ORDER_STATUS_CHANGED,
                    detail(after.get(), previousStatus)));
        }
        return Optional.empty();
    }

    private static OrderEvent detail(EnhancedDocument order, String previousStatus) {
        String tenantId = order.getString("pk").substring("TENANT#".length());
        String orderId = order.getString("orderId");
        long version = order.getNumber("version").longValue();
        return new OrderEvent(tenantId + ":" + orderId + ":" + version, tenantId, orderId, order.getString("ownerId"),
                previousStatus, order.getString("status"), version,
                order.getNumber("totalMinor").longValue(), order.getString("currency"),
                Instant.parse(order.getString("updatedAt")), order.getString("correlationId"));
    }
}
