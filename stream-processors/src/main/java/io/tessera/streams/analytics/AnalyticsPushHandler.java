package io.tessera.streams.analytics;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import io.tessera.streams.batch.SqsBatch;
import jakarta.inject.Inject;

/** Delayed analytics flushes from the {@code tessera-analytics-push} queue. */
@EventSourceMapping(TesseraResources.ANALYTICS_PUSH_QUEUE_NAME)
public class AnalyticsPushHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SqsBatch batch;

    @Inject
    AnalyticsPushes pushes;

    public AnalyticsPushHandler() {
    }

    public AnalyticsPushHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return batch.process(event, Argument.of(AnalyticsPushes.Flush.class), flush -> pushes.flush(flush.tenantId()));
    }
}
