package io.tessera.core.analytics;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.data.AnalyticsItems;
import io.tessera.core.data.Expr;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's aggregates and its stream watermark: the sequence number of the last
 * stream record already counted. Increments and the watermark's advance are one transaction,
 * conditional on the watermark the caller read, so a record is never counted twice.
 */
@Singleton
public class Aggregates {

    /** Items per transaction left for aggregates after the watermark (DynamoDB allows 100). */
    public static final int MAX_ITEMS_PER_WRITE = 99;
    private static final String WATERMARK = "WATERMARK";
    private static final int SEQUENCE_WIDTH = 48;

    private final AnalyticsItems items;

    Aggregates(AnalyticsItems items) {
        this.items = items;
    }

    /** The last counted sequence number (padded so strings compare like numbers), if any. */
    public Optional<String> watermark() {
        return items.get(WATERMARK).map(item -> item.getString("seq"));
    }

    public static String comparable(String sequenceNumber) {
        return "0".repeat(Math.max(0, SEQUENCE_WIDTH - sequenceNumber.length())) + sequenceNumber;
    }

    /**
     * Applies {@code deltas} and moves the watermark from {@code expected} to {@code advancedTo}, all
     * or nothing. Returns the number of items written; throws if the watermark moved meanwhile.
     */
    public int apply(@Nullable String expected, String advancedTo, Map<String, Delta> deltas) {
        if (deltas.size() > MAX_ITEMS_PER_WRITE) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS_PER_WRITE + " aggregates per write");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(items.transactionUpdate(WATERMARK, Expr.of("SET seq = :advanced").value(":advanced", advancedTo),
                expected == null ? Expr.of("attribute_not_exists(seq)") : Expr.of("seq = :expected").value(":expected", expected)));
        deltas.forEach((key, delta) -> writes.add(items.transactionUpdate(key, update(delta), null)));
        items.transact(writes);
        return writes.size();
    }

    private static Expr update(Delta delta) {
        Expr update = Expr.of("ADD orders :orders, revenueMinor :revenue, units :units" + (delta.name() == null ? "" : " SET #name = :name"))
                .value(":orders", delta.orders()).value(":revenue", delta.revenueMinor()).value(":units", delta.units());
        return delta.name() == null ? update : update.name("#name", "name").value(":name", AttributeValue.fromS(delta.name()));
    }
}
