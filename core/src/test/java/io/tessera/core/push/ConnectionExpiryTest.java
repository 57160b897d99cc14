package io.tessera.core.push;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.data.connections.Connection;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.300Z");

    @Test
    void aTimerIsDueAtTheFirstSlotBoundaryAtOrAfterTheExpiry() {
        assertThat(ConnectionExpiry.dueAt(NOW, Instant.parse("2026-11-29T12:10:00Z"))).isEqualTo("2026-11-29T12:10:00Z");
        assertThat(ConnectionExpiry.dueAt(NOW, Instant.parse("2026-11-29T12:10:00.001Z"))).isEqualTo("2026-11-29T12:10:05Z");
        assertThat(ConnectionExpiry.dueAt(NOW, Instant.parse("2026-11-29T12:10:03Z"))).isEqualTo("2026-11-29T12:10:05Z");
    }

    @Test
    void aTimerForAnExpiryBeyondWhatSqsCanDelayIsDueWithinFifteenMinutes() {
        assertThat(ConnectionExpiry.dueAt(NOW, Instant.parse("2026-11-29T13:00:00Z"))).isEqualTo("2026-11-29T12:15:00Z");
    }

    @Test
    void connectionsOfOneTenantDueInTheSameSlotShareOneTimer() {
        List<SendMessageRequest> sent = new ArrayList<>();
        ConnectionExpiry expiry = new ConnectionExpiry(recording(sent), ObjectMapper.getDefault(), Clock.fixed(NOW, ZoneOffset.UTC));

        expiry.schedule(connection("a", "tenant-1", "2026-11-29T12:10:01Z"));
        expiry.schedule(connection("b", "tenant-1", "2026-11-29T12:10:04Z"));
        expiry.schedule(connection("c", "tenant-2", "2026-11-29T12:10:04Z"));
        expiry.schedule(connection("d", "tenant-1", "2026-11-29T12:10:06Z"));

        assertThat(sent).extracting(SendMessageRequest::delaySeconds).containsExactly(605, 605, 610);
        assertThat(sent.get(0).messageBody()).contains("\"tenantId\":\"tenant-1\"", "\"dueAt\":\"2026-11-29T12:10:05Z\"");
    }

    private static Connection connection(String id, String tenantId, String expiresAt) {
        return new Connection(id, tenantId, "user-" + id, Set.of("members"), Set.of("orders"), NOW, NOW, Instant.parse(expiresAt));
    }

    /** An SQS client that only records the messages it is asked to send. */
    private static SqsClient recording(List<SendMessageRequest> sent) {
        return new SqsClient() {
            @Override
            public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
                return GetQueueUrlResponse.builder().queueUrl("http://sqs/tessera-connections").build();
            }

            @Override
            public SendMessageResponse sendMessage(SendMessageRequest request) {
                sent.add(request);
                return SendMessageResponse.builder().messageId("m" + sent.size()).build();
            }

            @Override
            public String serviceName() {
                return "sqs";
            }

            @Override
            public void close() {
            }
        };
    }
}
