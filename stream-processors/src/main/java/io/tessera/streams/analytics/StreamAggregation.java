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
import io.tessera.streams.batch.StreamImages;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns stream records into aggregate increments with an exactly-once effect. Per tenant (all of
 * a tenant's items share one partition key, so its records are ordered in one shard), records at
 * or below the tenant's watermark are skipped as already counted; the rest are coalesced into one
 * increment per aggregate item and written in one transaction with the watermark's advance.
 */
@Singleton
class StreamAggregation {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAggregation.class);

    private final OrderSnapshots snapshots;
    private final Aggregates aggregates;
    private final AtomicLong writeRequests = new AtomicLong();

    StreamAggregation(OrderSnapshots snapshots, Aggregates aggregates) {
        this.snapshots = snapshots;
        this.aggregates = aggregates;
    }

    /** A stream record read as the change it makes to its tenant's aggregates. */
    private record Change(String tenantId, String sequence, Map<String, Delta> deltas) {
    }

    /**
     * @param failedSequence the first record that could not be read (the records before it were
     *                       applied), or null
     * @param tenants        tenants whose aggregates changed
     */
    record Outcome(@Nullable String failedSequence, int writes, List<String> tenants) {
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
        int writes = 0;
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, List<Change>> tenant : byTenant.entrySet()) {
            int written = CallContext.system(tenant.getKey(), null).call(() -> applyForTenant(tenant.getValue()));
            if (written > 0) {
                writes += written;
                changed.add(tenant.getKey());
            }
        }
        writeRequests.addAndGet(writes);
        return new Outcome(failedSequence, writes, changed);
    }

    /** Write requests made since this process started: the figure the analytics cost is measured by. */
    long writeRequests() {
        return writeRequests.get();
    }

    private int applyForTenant(List<Change> changes) {
        String watermark = aggregates.watermark().orElse(null);
        List<Change> fresh = changes.stream()
                .filter(change -> watermark == null || change.sequence().compareTo(watermark) > 0)
                .toList();
        int writes = 0;
        Map<String, Delta> merged = new HashMap<>();
        String expected = watermark;
        String last = null;
        for (Change change : fresh) {
            Map<String, Delta> next = new HashMap<>(merged);
            change.deltas().forEach((key, delta) -> Contributions.add(next, key, delta));
            if (next.size() > Aggregates.MAX_ITEMS_PER_WRITE && last != null) {
                writes += aggregates.apply(expected, last, merged);
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
            writes += aggregates.apply(expected, last, merged);
        }
        return writes;
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
