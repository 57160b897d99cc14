package io.tessera.core.analytics;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.catalog.LineItem;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one order adds to its tenant's aggregates, by aggregate sort key. Live updates apply the
 * difference between an order's contribution after and before a write; a rebuild sums every
 * order's contribution. Both therefore land on the same numbers.
 *
 * <ul>
 *   <li>{@code STATUS#<status>#<currency>}: the order counts, with its total, under its current status;</li>
 *   <li>{@code MINUTE#<yyyy-MM-ddTHH:mm>#<currency>} and {@code DAY#<yyyy-MM-dd>#<currency>}: a placed
 *       (not rejected) order counts in the buckets of its creation, whatever happens to it later;</li>
 *   <li>{@code PRODUCT#<productId>#<currency>}: units and revenue of orders that are not cancelled or rejected.</li>
 * </ul>
 */
public final class Contributions {

    private static final Set<String> NOT_SOLD = Set.of("CANCELLED", "REJECTED");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Contributions() {
    }

    public static String statusKey(String status, String currency) {
        return "STATUS#" + status + "#" + currency;
    }

    public static String minuteKey(java.time.Instant at, String currency) {
        return "MINUTE#" + MINUTE.format(at.truncatedTo(ChronoUnit.MINUTES)) + "#" + currency;
    }

    public static String dayKey(java.time.Instant at, String currency) {
        return "DAY#" + DAY.format(at) + "#" + currency;
    }

    public static String productKey(String productId, String currency) {
        return "PRODUCT#" + productId + "#" + currency;
    }

    public static Map<String, Delta> of(OrderSnapshot order) {
        Map<String, Delta> deltas = new HashMap<>();
        add(deltas, statusKey(order.status(), order.currency()), new Delta(1, order.totalMinor(), 0, null));
        if (!order.status().equals("REJECTED")) {
            Delta placed = new Delta(1, order.totalMinor(), 0, null);
            add(deltas, minuteKey(order.createdAt(), order.currency()), placed);
            add(deltas, dayKey(order.createdAt(), order.currency()), placed);
        }
        if (!NOT_SOLD.contains(order.status())) {
            for (LineItem line : order.lines()) {
                add(deltas, productKey(line.productId(), order.currency()),
                        new Delta(0, line.totalMinor(), line.quantity(), line.name()));
            }
        }
        return deltas;
    }

    /** The change a write made: contribution after minus contribution before (either may be absent). */
    public static Map<String, Delta> change(@Nullable OrderSnapshot before, @Nullable OrderSnapshot after) {
        Map<String, Delta> deltas = new HashMap<>();
        if (after != null) {
            of(after).forEach((key, delta) -> add(deltas, key, delta));
        }
        if (before != null) {
            of(before).forEach((key, delta) -> add(deltas, key, delta.negated()));
        }
        deltas.values().removeIf(delta -> delta.isZero() && delta.name() == null);
        return deltas;
    }

    /** Adds {@code delta} to {@code key} in {@code deltas}: how a batch coalesces its increments. */
    public static void add(Map<String, Delta> deltas, String key, Delta delta) {
        deltas.merge(key, delta, Delta::plus);
    }
}
