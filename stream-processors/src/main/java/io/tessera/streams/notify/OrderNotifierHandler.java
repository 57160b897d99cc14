package io.tessera.streams.notify;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.events.OrderEvent;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import io.tessera.streams.batch.SqsBatch;
import jakarta.inject.Inject;

/** The notifier: order events from the {@code tessera-notify} queue, pushed to WebSocket clients. */
@EventSourceMapping(TesseraResources.NOTIFY_QUEUE_NAME)
public class OrderNotifierHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SqsBatch batch;

    @Inject
    OrderNotifications notifications;

    public OrderNotifierHandler() {
    }

    public OrderNotifierHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return batch.processEvents(event, OrderEvent.class, envelope -> notifications.push(envelope.detailType(), envelope.detail()));
    }
}
