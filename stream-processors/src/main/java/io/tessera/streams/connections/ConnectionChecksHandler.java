package io.tessera.streams.connections;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import io.tessera.streams.batch.SqsBatch;
import jakarta.inject.Inject;

/**
 * The consumer of the {@code tessera-connections} queue: users' and tenants' access changes from
 * the bus, and connections' expiry timers. Each closes the WebSocket connections that lost their
 * authority, with the close code asyncapi.yaml documents.
 */
@EventSourceMapping(TesseraResources.CONNECTIONS_QUEUE_NAME)
public class ConnectionChecksHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SqsBatch batch;

    @Inject
    ConnectionChecks checks;

    public ConnectionChecksHandler() {
    }

    public ConnectionChecksHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return batch.processEvents(event, ConnectionCheck.class, envelope -> checks.check(envelope.detail()));
    }
}
