package io.tessera.streams.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most one {@code analytics.updated} per tenant per interval, without losing the last change:
 * the first change of an interval is pushed at once; a change inside it is pushed by one delayed
 * flush at the interval's end, which takes the next interval's slot. Kept in memory: all of a
 * tenant's records are in one stream shard, and one consumer reads a shard at a time, so the
 * process that counts a tenant's changes is the one that decides its pushes. A consumer that
 * takes over a shard starts without history and may push once early.
 */
@Singleton
class PushThrottle {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    /** What to do about a change. */
    sealed interface Decision {
    }

    record PushNow() implements Decision {
    }

    /** @param delay until the flush is due; at least the time left in the current interval */
    record FlushIn(Duration delay) implements Decision {
    }

    /** A flush is coming and will carry this change too. */
    record AlreadyQueued() implements Decision {
    }

    /**
     * @param nextSlot when the next push may go out
     * @param flushAt  when the queued flush is due, or null if none is queued
     */
    private record Slots(Instant nextSlot, @Nullable Instant flushAt) {
    }

    private final Cache<String, Slots> slots = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Clock clock;

    PushThrottle(Clock clock) {
        this.clock = clock;
    }

    Decision onChange(String tenantId) {
        Instant now = clock.instant();
        Decision[] decision = new Decision[1];
        slots.asMap().compute(tenantId, (tenant, current) -> {
            if (current == null || !now.isBefore(current.nextSlot())) {
                decision[0] = new PushNow();
                return new Slots(now.plus(INTERVAL), null);
            }
            if (current.flushAt() != null && !current.flushAt().isBefore(now)) {
                decision[0] = new AlreadyQueued();
                return current;
            }
            decision[0] = new FlushIn(Duration.between(now, current.nextSlot()));
            return new Slots(current.nextSlot().plus(INTERVAL), current.nextSlot());
        });
        return decision[0];
    }
}
