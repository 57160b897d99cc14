package io.tessera.streams.analytics;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PushThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final PushThrottle throttle = new PushThrottle(clock);

    @Test
    void theFirstChangeIsPushedAtOnceAndTheRestOfTheSecondByOneFlushAtItsEnd() {
        assertThat(throttle.onChange("acme")).isInstanceOf(PushThrottle.PushNow.class);
        clock.advance(Duration.ofMillis(300));
        assertThat(throttle.onChange("acme")).isEqualTo(new PushThrottle.FlushIn(Duration.ofMillis(700)));
        clock.advance(Duration.ofMillis(300));
        assertThat(throttle.onChange("acme")).isInstanceOf(PushThrottle.AlreadyQueued.class);
    }

    @Test
    void changesThatKeepComingAreFlushedOncePerSecondAndAQuietTenantIsPushedAtOnce() {
        throttle.onChange("acme");
        clock.advance(Duration.ofMillis(500));
        throttle.onChange("acme");
        clock.advance(Duration.ofMillis(600));

        assertThat(throttle.onChange("acme")).as("the flush took the second slot").isEqualTo(new PushThrottle.FlushIn(Duration.ofMillis(900)));
        clock.advance(Duration.ofMillis(2000));
        assertThat(throttle.onChange("acme")).as("a quiet second later").isInstanceOf(PushThrottle.PushNow.class);
    }

    @Test
    void tenantsAreThrottledEachOnTheirOwn() {
        assertThat(throttle.onChange("acme")).isInstanceOf(PushThrottle.PushNow.class);
        assertThat(throttle.onChange("globex")).isInstanceOf(PushThrottle.PushNow.class);
    }
}
