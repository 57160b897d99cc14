package io.tessera.core.access;

import io.tessera.core.problems.TooManyRequestsException;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Counts attempts at something that must not be repeated at will (a code guessed, a reset email
 * asked for) per key, such as an account or a client address, in fixed windows shared by every
 * process: one counter item per key and window in the main table, incremented atomically
 * (DynamoDB {@code UpdateItem ADD}) and removed by its TTL. Keys are stored as SHA-256 hashes, so
 * the table holds no email or address. Requests are counted as they come ({@link #attempt}); codes
 * only when they fail ({@link #ensureAllowed}, then {@link #countFailure}), so that a right code is
 * never refused for the guesses others made.
 */
@Singleton
public class AttemptLimits {

    /** At most {@code attempts} per {@code window}, for one purpose (e.g. {@code password-reset}). */
    public record Limit(String purpose, int attempts, Duration window) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    AttemptLimits(DynamoDbClient dynamoDb, ResourcesConfiguration resources, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getMainTable();
        this.clock = clock;
    }

    /**
     * Counts one attempt for {@code key} (case is ignored).
     *
     * @throws TooManyRequestsException (429, retry when the window ends) once the window's attempts are used up
     */
    public void attempt(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        if (add(limit, key, window) > limit.attempts()) {
            throw window.exceeded();
        }
    }

    /** @throws TooManyRequestsException (429) if {@code key}'s failures used up the current window */
    public void ensureAllowed(Limit limit, String key) {
        Window window = Window.of(limit, clock.instant());
        var counter = dynamoDb.getItem(request -> request.tableName(table).key(key(limit, key, window)).consistentRead(true)).item();
        if (counter.containsKey("attempts") && Long.parseLong(counter.get("attempts").n()) >= limit.attempts()) {
            throw window.exceeded();
        }
    }

    /** Counts one failed attempt for {@code key}. */
    public void countFailure(Limit limit, String key) {
        add(limit, key, Window.of(limit, clock.instant()));
    }

    private record Window(Instant now, long start, Instant end) {

        static Window of(Limit limit, Instant now) {
            long seconds = limit.window().toSeconds();
            long start = now.getEpochSecond() / seconds * seconds;
            return new Window(now, start, Instant.ofEpochSecond(start + seconds));
        }

        TooManyRequestsException exceeded() {
            return new TooManyRequestsException("Too many attempts; try again later.", Duration.between(now, end));
        }
    }

    /** @return the window's count after adding one */
    private long add(Limit limit, String key, Window window) {
        return Long.parseLong(dynamoDb.updateItem(request -> request
                .tableName(table)
                .key(key(limit, key, window))
                .updateExpression("ADD attempts :one SET expiresAt = :expiresAt")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":expiresAt", AttributeValue.fromN(Long.toString(window.end().getEpochSecond()))))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("attempts").n());
    }

    private static Map<String, AttributeValue> key(Limit limit, String key, Window window) {
        return Map.of(
                "pk", AttributeValue.fromS("ATTEMPTS#" + limit.purpose() + "#" + sha256(key.toLowerCase(Locale.ROOT))),
                "sk", AttributeValue.fromS(Long.toString(window.start())));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
