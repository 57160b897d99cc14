package io.tessera.streams.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.tessera.core.context.TraceContext;
import io.tessera.core.events.EventPublisher;
import io.tessera.core.events.OrderEvent;
import io.tessera.core.events.TesseraEvents;
import io.tessera.core.orders.Order;
import io.tessera.core.orders.Orders;
import io.tessera.streams.batch.StreamImages;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Which order event a stream record stands for: a new order item is {@code OrderCreated}, a
 * changed status is {@code OrderStatusChanged}; everything else in the table is not an order
 * event. The images are read by {@link Orders}, the order item's owner.
 */
@Singleton
class OrderEventReader {

    private final Orders orders;

    OrderEventReader(Orders orders) {
        this.orders = orders;
    }

    Optional<EventPublisher.Event> of(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<Orders.Image> after = StreamImages.newImage(record).flatMap(orders::fromImage);
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Optional<Order> before = StreamImages.oldImage(record).flatMap(orders::fromImage).map(Orders.Image::order);
        if ("INSERT".equals(record.getEventName()) || before.isEmpty()) {
            return Optional.of(new EventPublisher.Event(TesseraEvents.ORDERS_SOURCE, TesseraEvents.ORDER_CREATED, detail(after.get(), null),
                    traceOf(after.get())));
        }
        if ("MODIFY".equals(record.getEventName()) && before.get().status() != after.get().order().status()) {
            return Optional.of(new EventPublisher.Event(TesseraEvents.ORDERS_SOURCE, TesseraEvents.ORDER_STATUS_CHANGED,
                    detail(after.get(), before.get().status().wireName()), traceOf(after.get())));
        }
        return Optional.empty();
    }

    private static Optional<TraceContext> traceOf(Orders.Image image) {
        return TraceContext.fromTraceparent(image.traceparent());
    }

    private static OrderEvent detail(Orders.Image image, String previousStatus) {
        Order order = image.order();
        return new OrderEvent(image.tenantId() + ":" + order.orderId() + ":" + order.version(), image.tenantId(), order.orderId(),
                order.ownerId(), previousStatus, order.status().wireName(), order.version(), order.totalMinor(), order.currency(),
                order.updatedAt(), image.correlationId(), image.traceparent());
    }
}
