package io.tessera.streams.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.tessera.core.metrics.TenantMetrics;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Processes an SQS batch one message at a time and reports the messages that failed, so the
 * queue redelivers only those (and, after the retry budget, moves them to the dead-letter queue)
 * while the others are deleted. A message that fails its last receive (its
 * {@code ApproximateReceiveCount} reached the queue's {@code maxReceiveCount}) is counted as
 * {@code DeadLettered}, by the tenant its body names when it names one.
 */
@Singleton
public class SqsBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private final ObjectMapper json;
    private final TenantMetrics metrics;

    SqsBatch(ObjectMapper json, TenantMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** Each message body is an EventBridge envelope whose detail is a {@code detailType}. */
    public <T> SQSBatchResponse processEvents(SQSEvent batch, Class<T> detailType, Consumer<EventEnvelope<T>> handler) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Argument<EventEnvelope<T>> envelope = (Argument) Argument.of(EventEnvelope.class, detailType);
        return process(batch, envelope, handler);
    }

    /** Each message body is JSON of {@code bodyType}. */
    public <T> SQSBatchResponse process(SQSEvent batch, Argument<T> bodyType, Consumer<T> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            try {
                handler.accept(json.readValue(message.getBody(), bodyType));
            } catch (IOException | RuntimeException e) {
                LOG.error("message {} from {} failed; it will be retried", message.getMessageId(), message.getEventSourceArn(), e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                countIfLastReceive(message);
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void countIfLastReceive(SQSEvent.SQSMessage message) {
        String queueName = message.getEventSourceArn() == null ? "" : message.getEventSourceArn().substring(message.getEventSourceArn().lastIndexOf(':') + 1);
        String receives = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        TesseraResources.QUEUES.stream()
                .filter(queue -> queue.name().equals(queueName))
                .filter(queue -> receives != null && receives.matches("\\d{1,9}") && Integer.parseInt(receives) >= queue.maxReceives())
                .findFirst()
                .ifPresent(queue -> metrics.deadLettered(tenantNamedIn(message.getBody()), queue.name()));
    }

    /** The {@code tenantId} of an event envelope's detail or of a plain body, if the body is JSON that has one. */
    @Nullable
    private String tenantNamedIn(String body) {
        try {
            JsonNode node = json.readValue(body, JsonNode.class);
            JsonNode detail = node.isObject() && node.get("detail") != null ? node.get("detail") : node;
            JsonNode tenantId = detail.isObject() ? detail.get("tenantId") : null;
            return tenantId != null && tenantId.isString() ? tenantId.getStringValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
