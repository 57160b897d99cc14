package io.tessera.core.events;

import io.tessera.core.data.Expr;
import io.tessera.core.data.TenantItems;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * What each consumer has already handled, per event id, so at-least-once delivery has an
 * exactly-once effect. Receipts live in the event's tenant and expire after a week.
 */
@Singleton
public class EventReceipts {

    private static final Duration KEEP = Duration.ofDays(7);

    private final TenantItems items;
    private final Clock clock;

    EventReceipts(TenantItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for a duplicate. */
    public boolean firstTime(String consumer, String eventId) {
        return items.put(sortKey(consumer, eventId), TenantItems.document()
                        .putString("type", "RECEIPT")
                        .putNumber("expiresAt", clock.instant().plus(KEEP).getEpochSecond())
                        .build(),
                Expr.of("attribute_not_exists(pk) OR expiresAt < :now").value(":now", clock.instant().getEpochSecond()));
    }

    /** Takes a receipt back after handling failed, so the redelivery is handled again. */
    public void forget(String consumer, String eventId) {
        items.delete(sortKey(consumer, eventId), null);
    }

    private static String sortKey(String consumer, String eventId) {
        return "RECEIPT#" + consumer + "#" + eventId;
    }
}
