package io.tessera.core.analytics;

import io.tessera.core.catalog.LineItem;

import java.time.Instant;
import java.util.List;

/** What analytics needs of an order at one point in its life. */
public record OrderSnapshot(String orderId, String status, long totalMinor, String currency, Instant createdAt,
                            List<LineItem> lines) {
}
