package io.tessera.core.analytics;

import io.tessera.core.orders.Order;
import io.tessera.core.orders.Orders;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.util.Optional;

/** What analytics counts of an order, from a stream image (read by {@link Orders}, the item's owner) or from an order. */
@Singleton
public class OrderSnapshots {

    private final Orders orders;

    OrderSnapshots(Orders orders) {
        this.orders = orders;
    }

    /** The order an item stands for, or empty for items that are not orders. */
    public Optional<OrderSnapshot> of(EnhancedDocument item) {
        return orders.fromImage(item).map(image -> of(image.order()));
    }

    public OrderSnapshot of(Order order) {
        return new OrderSnapshot(order.orderId(), order.status().wireName(), order.totalMinor(), order.currency(),
                order.createdAt(), order.lines());
    }
}
