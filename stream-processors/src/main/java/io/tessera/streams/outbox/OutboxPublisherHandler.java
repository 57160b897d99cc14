package io.tessera.streams.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.context.CallContext;
import io.tessera.core.events.EventPublisher;
import io.tessera.core.events.OrderEvent;
import io.tessera.core.metrics.TenantMetrics;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The outbox: every order write on the main table's stream becomes an order event on the
 * {@code tessera} bus, and every change of a user's or tenant's access an access event, in stream
 * order. If publishing fails, the first unpublished record is
 * reported as the batch item failure, so the stream is retried from there and no order write is
 * ever left without its event.
 */
@EventSourceMapping(TesseraResources.OUTBOX_NAME)
public class OutboxPublisherHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisherHandler.class);

    @Inject
    OrderEventReader orderEventReader;

    @Inject
    AccessEventReader accessEventReader;

    @Inject
    EventPublisher publisher;

    @Inject
    TenantMetrics metrics;

    public OutboxPublisherHandler() {
    }

    public OutboxPublisherHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent batch) {
        List<EventPublisher.Event> events = new ArrayList<>();
        List<String> sequenceNumbers = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : batch.getRecords()) {
            try {
                orderEventReader.of(record).or(() -> accessEventReader.of(record)).ifPresent(event -> {
                    events.add(event);
                    sequenceNumbers.add(record.getDynamodb().getSequenceNumber());
                });
            } catch (RuntimeException e) {
                LOG.error("stream record {} cannot be read as an event", record.getEventID(), e);
                return failureFrom(events, sequenceNumbers, record.getDynamodb().getSequenceNumber());
            }
        }
        OptionalInt failed = publish(events);
        if (failed.isPresent()) {
            return failure(sequenceNumbers.get(failed.getAsInt()));
        }
        LOG.info("published {} events from {} stream records", events.size(), batch.getRecords().size());
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /**
     * Publishes events in order and logs and counts those before the first one EventBridge refused
     * (the stream is retried from that one on); returns its index.
     */
    private OptionalInt publish(List<EventPublisher.Event> events) {
        OptionalInt failed = events.isEmpty() ? OptionalInt.empty() : publisher.publishAll(events);
        events.subList(0, failed.orElse(events.size())).forEach(this::countOrder);
        return failed;
    }

    /** Logs a published order event in its own request's correlation and trace, and counts the order's new status. */
    private void countOrder(EventPublisher.Event event) {
        if (event.detail() instanceof OrderEvent order) {
            CallContext.system(order.tenantId(), order.correlationId()).inTrace(event.trace()).run(() -> {
                LOG.info("published {} {} of order {}", event.detailType(), order.eventId(), order.orderId());
                metrics.order(order.tenantId(), order.status());
            });
        }
    }

    /** Publishes what was read before an unreadable record, then reports that record. */
    private StreamsEventResponse failureFrom(List<EventPublisher.Event> events, List<String> sequenceNumbers, String unreadable) {
        OptionalInt failed = publish(events);
        return failure(failed.isPresent() ? sequenceNumbers.get(failed.getAsInt()) : unreadable);
    }

    private static StreamsEventResponse failure(String sequenceNumber) {
        return StreamsEventResponse.builder()
                .withBatchItemFailures(List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build()))
                .build();
    }
}
