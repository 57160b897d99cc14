package io.tessera.streams.analytics;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The analytics aggregator on the main table's stream. A record it cannot read is reported as the
 * batch item failure (the records before it are counted), so the stream retries from there and,
 * after the retry budget, hands that record to the failure queue and goes on.
 */
@EventSourceMapping(TesseraResources.ANALYTICS_NAME)
public class AnalyticsAggregatorHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsAggregatorHandler.class);

    @Inject
    StreamAggregation aggregation;

    @Inject
    AnalyticsPushes pushes;

    public AnalyticsAggregatorHandler() {
    }

    public AnalyticsAggregatorHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent batch) {
        StreamAggregation.Outcome outcome = aggregation.apply(batch.getRecords());
        LOG.info("analytics: {} stream records, {} DynamoDB write requests ({} since start)",
                batch.getRecords().size(), outcome.writeRequests(), aggregation.writeRequests());
        outcome.tenants().forEach(pushes::changed);
        return StreamsEventResponse.builder()
                .withBatchItemFailures(outcome.failedSequence() == null ? List.of() : List.of(
                        StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(outcome.failedSequence()).build()))
                .build();
    }
}
