package io.tessera.streams.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
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
 * while the others are deleted.
 */
@Singleton
public class SqsBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private final ObjectMapper json;

    SqsBatch(ObjectMapper json) {
        this.json = json;
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
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
