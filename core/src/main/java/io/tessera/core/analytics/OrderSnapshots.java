package io.tessera.core.analytics;

import io.tessera.core.catalog.LineItemsJson;
import io.tessera.core.orders.Order;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.time.Instant;
import java.util.Optional;

/** Reads order snapshots from main-table items (as a stream image carries them) and from orders. */
@Singleton
public class OrderSnapshots {

    private final LineItemsJson lineItems;

    OrderSnapshots(LineItemsJson lineItems) {
        this.lineItems = lineItems;
    }

    /** The order an item stands for, or empty for items that are not orders. */
    public Optional<OrderSnapshot> of(EnhancedDocument item) {
        if (!"ORDER".equals(item.getString("type"))) {
            return Optional.empty();
        }
        return Optional.of(new OrderSnapshot(
                item.getString("orderId"),
                item.getString("status"),
                item.getNumber("totalMinor").longValue(),
                item.getString("currency"),
                Instant.parse(item.getString("createdAt")),
                lineItems.read(item.getJson("lines"))));
    }

    public OrderSnapshot of(Order order) {
        return new OrderSnapshot(order.orderId(), order.status().wireName(), order.totalMinor(), order.currency(),
                order.createdAt(), order.lines());
    }
}
