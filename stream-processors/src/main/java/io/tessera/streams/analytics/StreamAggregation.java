package io.tessera.streams.analytics;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.micronaut.core.annotation.Nullable;
import io.tessera.core.analytics.Aggregates;
import io.tessera.core.analytics.Contributions;
import io.tessera.core.analytics.Delta;
import io.tessera.core.analytics.OrderSnapshot;
import io.tessera.core.analytics.OrderSnapshots;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.TenantItems;
import io.tessera.core.metrics.TenantMetrics;
import io.tessera.streams.batch.StreamImages;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns stream records into aggregate increments with an exactly-once effect. Per tenant (all of
 * a tenant's items share one partition key, so its records are ordered in one shard), records at
 * or below the tenant's watermark are skipped as already counted; the rest are coalesced into one
 * increment per aggregate item. The watermarks of all the batch's tenants are read in one request,
 * and the increments of all of them, with each watermark's advance, are written in as few
 * transactions as DynamoDB's 100-item limit allows: one for a typical batch.
 */
@Singleton
class StreamAggregation {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAggregation.class);

    private final OrderSnapshots snapshots;
    private final Aggregates aggregates;
    private final TenantMetrics metrics;
    private final AtomicLong writeRequests = new AtomicLong();

    StreamAggregation(OrderSnapshots snapshots, Aggregates aggregates, TenantMetrics metrics) {
        this.snapshots = snapshots;
        this.aggregates = aggregates;
        this.metrics = metrics;
    }

    /** A stream record read as the change it makes to its tenant's aggregates. */
    private record Change(String tenantId, String sequence, Map<String, Delta> deltas) {
    }

    /**
     * @param failedSequence the first record that could not be read (the records before it were
     *                       applied), or null
     * @param writeRequests  DynamoDB write requests made (transactions)
     * @param tenants        tenants whose aggregates changed
     */
    record Outcome(@Nullable String failedSequence, int writeRequests, List<String> tenants) {
    }

    Outcome apply(List<DynamodbEvent.DynamodbStreamRecord> records) {
        List<Change> changes = new ArrayList<>();
        String failedSequence = null;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                read(record).ifPresent(changes::add);
            } catch (RuntimeException e) {
                failedSequence = record.getDynamodb().getSequenceNumber();
                LOG.error("stream record {} cannot be counted", failedSequence, e);
                break;
            }
        }
        Map<String, List<Change>> byTenant = new LinkedHashMap<>();
        changes.forEach(change -> byTenant.computeIfAbsent(change.tenantId(), tenant -> new ArrayList<>()).add(change));
        Map<String, String> watermarks = byTenant.isEmpty() ? Map.of() : aggregates.watermarks(byTenant.keySet());
        Transactions transactions = new Transactions();
        Map<String, Integer> unitsByTenant = new LinkedHashMap<>();
        byTenant.forEach((tenant, tenantChanges) -> {
            List<List<TransactWriteItem>> units = CallContext.system(tenant, null)
                    .call(() -> unitsFor(tenantChanges, watermarks.get(tenant)));
            units.forEach(unit -> transactions.add(tenant, unit));
            if (!units.isEmpty()) {
                unitsByTenant.put(tenant, units.size());
            }
        });
        transactions.flush();
        writeRequests.addAndGet(transactions.requests);
        // Each of a tenant's units goes into its own transaction (shared with other tenants' units).
        unitsByTenant.forEach(metrics::analyticsWrites);
        List<String> changed = List.copyOf(unitsByTenant.keySet());
        return new Outcome(failedSequence, transactions.requests, changed);
    }

    /** Write requests made since this process started: the figure the analytics cost is measured by. */
    long writeRequests() {
        return writeRequests.get();
    }

    /**
     * The current tenant's fresh changes as all-or-nothing units of writes, each moving the
     * watermark from where the last one left it; more than one only when a batch touches more
     * aggregates than a transaction holds.
     */
    private List<List<TransactWriteItem>> unitsFor(List<Change> changes, @Nullable String watermark) {
        List<Change> fresh = changes.stream()
                .filter(change -> watermark == null || change.sequence().compareTo(watermark) > 0)
                .toList();
        List<List<TransactWriteItem>> units = new ArrayList<>();
        Map<String, Delta> merged = new HashMap<>();
        String expected = watermark;
        String last = null;
        for (Change change : fresh) {
            Map<String, Delta> next = new HashMap<>(merged);
            change.deltas().forEach((key, delta) -> Contributions.add(next, key, delta));
            if (next.size() > Aggregates.MAX_ITEMS_PER_WRITE && last != null) {
                units.add(aggregates.writes(expected, last, merged));
                expected = last;
                merged = new HashMap<>(change.deltas());
            } else {
                merged = next;
            }
            last = change.sequence();
        }
        merged.values().removeIf(delta -> delta.isZero() && delta.name() == null);
        // Records that change nothing (baskets, products, receipts) need no write: counting them again is harmless.
        if (!merged.isEmpty()) {
            units.add(aggregates.writes(expected, last, merged));
        }
        return units;
    }

    /**
     * Packs units of several tenants into shared transactions. A tenant's second unit goes into
     * the next transaction: it names the same watermark item, which a transaction may write once.
     */
    private final class Transactions {
        private final List<TransactWriteItem> pending = new ArrayList<>();
        private final Set<String> tenants = new HashSet<>();
        private int requests;

        void add(String tenant, List<TransactWriteItem> unit) {
            if (pending.size() + unit.size() > Aggregates.MAX_TRANSACTION_ITEMS || tenants.contains(tenant)) {
                flush();
            }
            pending.addAll(unit);
            tenants.add(tenant);
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            aggregates.transact(List.copyOf(pending));
            requests++;
            pending.clear();
            tenants.clear();
        }
    }

    private Optional<Change> read(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<String> tenant = Optional.ofNullable(record.getDynamodb().getKeys())
                .map(keys -> keys.get("pk"))
                .map(pk -> pk.getS())
                .flatMap(TenantItems::tenantOfPartition);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        OrderSnapshot before = StreamImages.oldImage(record).flatMap(snapshots::of).orElse(null);
        OrderSnapshot after = StreamImages.newImage(record).flatMap(snapshots::of).orElse(null);
        Map<String, Delta> deltas = before == null && after == null ? Map.of() : Contributions.change(before, after);
        return Optional.of(new Change(tenant.get(), Aggregates.comparable(record.getDynamodb().getSequenceNumber()), deltas));
    }
}
