package io.tessera.core.analytics;

import io.tessera.core.data.AnalyticsItems;
import io.tessera.core.orders.Orders;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the current tenant's aggregates from its orders, for repair and backfill. Run it
 * in a call context acting as a tenant admin of that tenant (it reads every order). Aggregates
 * written by the live aggregator while a rebuild runs may be overwritten: run it when the
 * tenant is quiet, or run it again.
 */
@Singleton
public class AnalyticsRebuild {

    private static final List<String> AGGREGATE_PREFIXES = List.of("STATUS#", "MINUTE#", "DAY#", "PRODUCT#");

    private final Orders orders;
    private final OrderSnapshots snapshots;
    private final AnalyticsItems items;

    AnalyticsRebuild(Orders orders, OrderSnapshots snapshots, AnalyticsItems items) {
        this.orders = orders;
        this.snapshots = snapshots;
        this.items = items;
    }

    /** What the aggregates should be, from every order of the tenant. */
    public Map<String, Delta> computed() {
        Map<String, Delta> totals = new TreeMap<>();
        orders.allOfTenant().forEach(order ->
                Contributions.of(snapshots.of(order)).forEach((key, delta) -> Contributions.add(totals, key, delta)));
        totals.values().removeIf(Delta::isZero);
        return totals;
    }

    /** What the aggregates are, zero items left out. */
    public Map<String, Delta> stored() {
        Map<String, Delta> stored = new TreeMap<>();
        for (String prefix : AGGREGATE_PREFIXES) {
            for (EnhancedDocument item : items.withPrefix(prefix)) {
                Delta delta = new Delta(number(item, "orders"), number(item, "revenueMinor"), number(item, "units"),
                        item.isPresent("name") ? item.getString("name") : null);
                if (!delta.isZero()) {
                    stored.put(item.getString("sk"), delta);
                }
            }
        }
        return stored;
    }

    /** Replaces the stored aggregates by the computed ones; returns how many items were written or removed. */
    public int rebuild() {
        Map<String, Delta> computed = computed();
        Map<String, Delta> stale = new HashMap<>(stored());
        computed.forEach((key, delta) -> {
            EnhancedDocument.Builder item = AnalyticsItems.document()
                    .putNumber("orders", delta.orders())
                    .putNumber("revenueMinor", delta.revenueMinor())
                    .putNumber("units", delta.units());
            if (delta.name() != null) {
                item.putString("name", delta.name());
            }
            items.put(key, item.build(), null);
            stale.remove(key);
        });
        stale.keySet().forEach(key -> items.delete(key, null));
        return computed.size() + stale.size();
    }

    private static long number(EnhancedDocument item, String attribute) {
        return item.isPresent(attribute) ? item.getNumber(attribute).longValue() : 0;
    }
}
