package io.tessera.core.analytics;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.data.AnalyticsItems;
import io.tessera.core.data.Expr;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tenants' aggregates and their stream watermarks: the sequence number of the last stream record
 * already counted. Increments and the watermark's advance are one transaction, conditional on the
 * watermark the caller read, so a record is never counted twice.
 */
@Singleton
public class Aggregates {

    /** Items a transaction may hold (DynamoDB's TransactWriteItems limit). */
    public static final int MAX_TRANSACTION_ITEMS = 100;
    /** Items per transaction left for one tenant's aggregates after its watermark. */
    public static final int MAX_ITEMS_PER_WRITE = MAX_TRANSACTION_ITEMS - 1;
    private static final String WATERMARK = "WATERMARK";
    private static final int SEQUENCE_WIDTH = 48;

    private final AnalyticsItems items;

    Aggregates(AnalyticsItems items) {
        this.items = items;
    }

    /**
     * The watermarks of these tenants (padded so strings compare like numbers), read together:
     * system work over a stream batch that spans tenants.
     *
     * @return by tenant id; tenants that have counted nothing yet are absent
     */
    public Map<String, String> watermarks(Collection<String> tenantIds) {
        Map<String, String> watermarks = new HashMap<>();
        items.getInEachTenant(tenantIds, WATERMARK).forEach((tenant, item) -> watermarks.put(tenant, item.getString("seq")));
        return watermarks;
    }

    public static String comparable(String sequenceNumber) {
        return "0".repeat(Math.max(0, SEQUENCE_WIDTH - sequenceNumber.length())) + sequenceNumber;
    }

    /**
     * The writes that apply {@code deltas} to the current tenant's aggregates and move its
     * watermark from {@code expected} to {@code advancedTo}, conditional on the watermark being
     * {@code expected}: run in one transaction ({@link #transact}), all of them happen or none.
     *
     * @return at most {@link #MAX_ITEMS_PER_WRITE} + 1 writes, the watermark's first
     */
    public List<TransactWriteItem> writes(@Nullable String expected, String advancedTo, Map<String, Delta> deltas) {
        if (deltas.size() > MAX_ITEMS_PER_WRITE) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS_PER_WRITE + " aggregates per write");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(items.transactionUpdate(WATERMARK, Expr.of("SET seq = :advanced").value(":advanced", advancedTo),
                expected == null ? Expr.of("attribute_not_exists(seq)") : Expr.of("seq = :expected").value(":expected", expected)));
        deltas.forEach((key, delta) -> writes.add(items.transactionUpdate(key, update(delta), null)));
        return writes;
    }

    /**
     * Runs writes of one or several tenants as one transaction (at most 100, no item twice).
     *
     * @throws software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException if a
     *         watermark moved meanwhile (another consumer counted the records): nothing is written
     */
    public void transact(List<TransactWriteItem> writes) {
        items.transact(writes);
    }

    private static Expr update(Delta delta) {
        Expr update = Expr.of("ADD orders :orders, revenueMinor :revenue, units :units" + (delta.name() == null ? "" : " SET #name = :name"))
                .value(":orders", delta.orders()).value(":revenue", delta.revenueMinor()).value(":units", delta.units());
        return delta.name() == null ? update : update.name("#name", "name").value(":name", AttributeValue.fromS(delta.name()));
    }
}
