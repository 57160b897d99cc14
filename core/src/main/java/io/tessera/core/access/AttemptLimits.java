package io.tessera.core.access;

import io.tessera.core.data.AttemptCounters;
import io.tessera.core.problems.TooManyRequestsException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Limits attempts at something that must not be repeated at will (a code guessed, a reset email
 * asked for) per key, such as an account or a client address, across every process
 * ({@link AttemptCounters}). The limit holds over any span of the window's length, not per clock
 * window: the count is the sliding-window estimate (this window's attempts plus the previous
 * window's, weighted by how much of it still lies within the last window length). Each attempt is
 * counted before it runs, atomically, so attempts made at the same moment cannot all slip through;
 * {@link #forgive} takes back one that turned out not to count (a right code). Keys are counted as
 * SHA-256 hashes, so the table holds no email or address.
 */
@Singleton
public class AttemptLimits {

    /** At most {@code attempts} in any {@code window}, for one purpose (e.g. {@code password-reset-failures-by-account}). */
    public record Limit(String purpose, int attempts, Duration window) {
    }

    private final AttemptCounters counters;
    private final Clock clock;

    AttemptLimits(AttemptCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Counts one attempt for {@code key} (case is ignored).
     *
     * @throws TooManyRequestsException (429, with when to try again) if it is one too many; it still counts
     */
    public void attempt(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        String counter = counter(limit, key);
        long current = counters.add(counter, window.start(), 1, window.keepUntil());
        long previous = counters.count(counter, window.previousStart());
        if (window.estimate(previous, current) > limit.attempts()) {
            throw new TooManyRequestsException("Too many attempts; try again later.", window.retryAfter(limit, previous, current));
        }
    }

    /** Takes back an attempt {@link #attempt} counted in the current window. */
    public void forgive(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        counters.add(counter(limit, key), window.start(), -1, window.keepUntil());
    }

    /** The fixed window {@code now} falls in, and how far into it {@code now} is. */
    private record Window(Instant now, Instant start, Duration length) {

        static Window of(Limit limit, Instant now) {
            long seconds = limit.window().toSeconds();
            return new Window(now, Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds), limit.window());
        }

        Instant previousStart() {
            return start.minus(length);
        }

        Instant keepUntil() {
            return start.plus(length.multipliedBy(2));
        }

        /** The share of the previous window still within one window length of now: 1 at the window's start, 0 at its end. */
        double previousWeight() {
            return 1.0 - (double) Duration.between(start, now).toMillis() / length.toMillis();
        }

        double estimate(long previous, long current) {
            return previous * previousWeight() + current;
        }

        /** How long until the estimate is back within the limit if nothing more is tried (at least a second). */
        Duration retryAfter(Limit limit, long previous, long current) {
            long elapsed = Duration.between(start, now).toMillis();
            long wait = current <= limit.attempts()
                    // in this window, once the previous window's weight has fallen far enough
                    ? (long) ((1.0 - (limit.attempts() - current) / (double) previous) * length.toMillis()) - elapsed
                    // in the next window, once this one's weight has
                    : length.toMillis() - elapsed + (long) ((1.0 - limit.attempts() / (double) current) * length.toMillis());
            return Duration.ofMillis(Math.max(wait, 1000));
        }
    }

    private static String counter(Limit limit, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return limit.purpose() + "#" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
