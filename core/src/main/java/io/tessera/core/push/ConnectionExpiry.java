package io.tessera.core.push;

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
import java.util.UUID;

/**
 * A timer per connection: a delayed message on the connections queue that arrives when the
 * connection's authority runs out, so that its consumer closes it even if nothing else happens on
 * it. SQS delays a message by at most 15 minutes; a longer wait is covered by the consumer sending
 * it again. The message has the shape of an EventBridge event, like everything else on that queue.
 */
@Singleton
public class ConnectionExpiry {

    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile String queueUrl;

    ConnectionExpiry(SqsClient sqs, ObjectMapper json, Clock clock) {
        this.sqs = sqs;
        this.json = json;
        this.clock = clock;
    }

    /** The detail of a {@code ConnectionExpiryDue} message. */
    @Serdeable
    public record Due(String tenantId, String connectionId) {
    }

    /** The message as it travels: the fields of an EventBridge event that the consumer reads. */
    @Serdeable
    record Envelope(String id, String source, @com.fasterxml.jackson.annotation.JsonProperty("detail-type") String detailType, Due detail) {
    }

    /** Arranges for the connection to be judged again when it expires (or in 15 minutes, whichever is first). */
    public void schedule(Connection connection) {
        long seconds = Math.clamp(Duration.between(clock.instant(), connection.expiresAt()).toSeconds() + 1, 0, MAX_DELAY.toSeconds());
        String body;
        try {
            body = json.writeValueAsString(new Envelope(UUID.randomUUID().toString(), TesseraEvents.REALTIME_SOURCE,
                    TesseraEvents.CONNECTION_EXPIRY_DUE, new Due(connection.tenantId(), connection.connectionId())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.sendMessage(request -> request.queueUrl(queueUrl()).messageBody(body).delaySeconds((int) seconds));
    }

    private String queueUrl() {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(request -> request.queueName(TesseraResources.CONNECTIONS_QUEUE.name())).queueUrl();
        }
        return queueUrl;
    }
}
