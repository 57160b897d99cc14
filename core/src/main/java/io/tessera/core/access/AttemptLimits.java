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
 * Counts attempts at something that must not be repeated at will (a code guessed, a reset email
 * asked for) per key, such as an account or a client address, in fixed windows shared by every
 * process ({@link AttemptCounters}). Keys are counted as SHA-256 hashes, so the table holds no email
 * or address. Requests are counted as they come ({@link #attempt}); codes only when they fail
 * ({@link #ensureAllowed}, then {@link #countFailure}), so that a right code is never refused for
 * the guesses others made.
 */
@Singleton
public class AttemptLimits {

    /** At most {@code attempts} per {@code window}, for one purpose (e.g. {@code password-reset-requests-by-account}). */
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
     * @throws TooManyRequestsException (429, retry when the window ends) once the window's attempts are used up
     */
    public void attempt(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        if (counters.increment(counter(limit, key), window.start(), window.end()) > limit.attempts()) {
            throw window.exceeded();
        }
    }

    /** @throws TooManyRequestsException (429) if {@code key}'s failures used up the current window */
    public void ensureAllowed(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        if (counters.count(counter(limit, key), window.start()) >= limit.attempts()) {
            throw window.exceeded();
        }
    }

    /** Counts one failed attempt for {@code key}. */
    public void countFailure(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        counters.increment(counter(limit, key), window.start(), window.end());
    }

    private record Window(Instant now, Instant start, Instant end) {

        static Window of(Limit limit, Instant now) {
            long seconds = limit.window().toSeconds();
            long start = now.getEpochSecond() / seconds * seconds;
            return new Window(now, Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + seconds));
        }

        TooManyRequestsException exceeded() {
            return new TooManyRequestsException("Too many attempts; try again later.", Duration.between(now, end));
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
