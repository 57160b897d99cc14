package io.tessera.core.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.events.TesseraEvents;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Timers that close connections when their authority runs out, even if nothing else happens on
 * them: a delayed message on the connections queue that arrives when a tenant's connections are
 * due, and whose consumer judges all of that tenant's connections again. Expiry times are rounded up
 * to a {@link #SLOT} of 5 seconds, and this process sends one timer per tenant and slot, so a
 * thousand connections opened with the same token cost one message, not a thousand. SQS delays a
 * message by at most 15 minutes; a longer wait is covered by the consumer scheduling again. The
 * message has the shape of an EventBridge event, like everything else on that queue.
 */
@Singleton
public class ConnectionExpiry {

    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** How much later than its expiry a connection may be closed: expiry times are rounded up to this. */
    static final Duration SLOT = Duration.ofSeconds(5);

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final Clock clock;
    /** Timers this process already sent, by tenant and due time; remembered until they are due. */
    private final Cache<String, Boolean> sent = Caffeine.newBuilder().expireAfterWrite(MAX_DELAY).maximumSize(100_000).build();
    private volatile String queueUrl;

    ConnectionExpiry(SqsClient sqs, ObjectMapper json, Clock clock) {
        this.sqs = sqs;
        this.json = json;
        this.clock = clock;
    }

    /** The detail of a {@code ConnectionExpiryDue} message: the tenant whose connections are due, and when. */
    @Serdeable
    public record Due(String tenantId, Instant dueAt) {
    }

    /** The message as it travels: the fields of an EventBridge event that the consumer reads. */
    @Serdeable
    record Envelope(String id, String source, @com.fasterxml.jackson.annotation.JsonProperty("detail-type") String detailType, Due detail) {
    }

    /**
     * Arranges for the connection's tenant to be judged again at most {@link #SLOT} after the
     * connection expires, or in 15 minutes, whichever is first; nothing is sent when this process
     * already has a timer for that tenant and time.
     */
    public void schedule(Connection connection) {
        Instant now = clock.instant();
        Instant dueAt = dueAt(now, connection.expiresAt());
        if (sent.asMap().putIfAbsent(connection.tenantId() + "@" + dueAt.getEpochSecond(), true) != null) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new Envelope(UUID.randomUUID().toString(), TesseraEvents.REALTIME_SOURCE,
                    TesseraEvents.CONNECTION_EXPIRY_DUE, new Due(connection.tenantId(), dueAt)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Rounded up: SQS never delivers before the delay, so the timer never arrives before dueAt.
        long delay = Math.max(0, Math.ceilDiv(Duration.between(now, dueAt).toMillis(), 1000));
        sqs.sendMessage(request -> request.queueUrl(queueUrl()).messageBody(body).delaySeconds((int) delay));
    }

    /**
     * @return the expiry rounded up to the next slot boundary, or, when that is further away than
     *         SQS can delay a message, the last slot boundary within that delay
     */
    static Instant dueAt(Instant now, Instant expiresAt) {
        long slot = SLOT.toSeconds();
        long expiry = Math.ceilDiv(expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0), slot) * slot;
        long latest = Math.floorDiv(now.plus(MAX_DELAY).getEpochSecond(), slot) * slot;
        return Instant.ofEpochSecond(Math.min(expiry, latest));
    }

    private String queueUrl() {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(request -> request.queueName(TesseraResources.CONNECTIONS_QUEUE.name())).queueUrl();
        }
        return queueUrl;
    }
}
