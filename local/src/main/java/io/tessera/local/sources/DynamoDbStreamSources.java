package io.tessera.local.sources;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.ObjectMapper;
import io.tessera.core.aws.StreamRecords;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.resources.EventSourceHandlers;
import io.tessera.core.resources.TesseraResources;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Locally, Lambda's DynamoDB Streams event source mappings: one thread per consumer of
 * {@link TesseraResources#STREAM_CONSUMERS} reads the table's stream from where it left off (a
 * checkpoint file, like the mapping's own checkpoint; from the oldest record the first time) and
 * hands batches,
 * as the same {@link DynamodbEvent} Lambda would build, to the same handler class. A reported
 * failure is retried from that record; after the consumer's retry budget the shard moves on past
 * that record, and its failure queue receives what Lambda's on-failure destination receives in
 * AWS: an invocation record that says where the record lies in the stream, without its data
 * ("Retain discarded records for a DynamoDB event source in Lambda", AWS Lambda Developer Guide).
 * {@code scripts/redrive} reads the record back from the stream with it, here as in AWS.
 */
@Singleton
@Requires(env = "local")
class DynamoDbStreamSources {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamSources.class);
    private static final long IDLE_MILLIS = 100;

    private final ApplicationContext context;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final ObjectMapper json;
    private final ResourcesConfiguration resources;
    private final StreamCheckpoints checkpoints;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    DynamoDbStreamSources(ApplicationContext context, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, SqsClient sqs,
                          ObjectMapper json, ResourcesConfiguration resources, StreamCheckpoints checkpoints) {
        this.context = context;
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.sqs = sqs;
        this.json = json;
        this.resources = resources;
        this.checkpoints = checkpoints;
    }

    @EventListener
    void start(StartupEvent event) {
        for (TesseraResources.StreamConsumer consumer : TesseraResources.STREAM_CONSUMERS) {
            EventSourceHandlers.<RequestHandler<DynamodbEvent, StreamsEventResponse>>build(consumer.name(), context).ifPresentOrElse(
                    handler -> pollers.add(Thread.ofPlatform().daemon().name("stream-" + consumer.name()).start(() -> poll(consumer, handler))),
                    () -> LOG.error("no handler of stream consumer {} is in this build; it is not polled", consumer.name()));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread poller : pollers) {
            poller.join(3000);
        }
    }

    private void poll(TesseraResources.StreamConsumer consumer, RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        String tableName = resources.getMainTable();
        String streamArn = null;
        String shardId = null;
        String iterator = null;
        String lastSequence = null;
        int attempts = 0;
        boolean gathered = false;
        while (running) {
            try {
                if (streamArn == null) {
                    streamArn = dynamoDb.describeTable(request -> request.tableName(tableName)).table().latestStreamArn();
                    String arn = streamArn;
                    shardId = streams.describeStream(request -> request.streamArn(arn)).streamDescription().shards().getLast().shardId();
                    lastSequence = checkpoints.of(consumer.name(), streamArn).orElse(null);
                }
                if (iterator == null) {
                    iterator = iteratorAfter(streamArn, shardId, lastSequence);
                }
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(request -> request.shardIterator(current).limit(consumer.batchSize()));
                List<Record> records = page.records();
                if (records.isEmpty()) {
                    // A fresh iterator after an empty read: moto replaces a table's stream shard when it rolls a
                    // failed transaction back, and iterators chained from the old shard never see new records.
                    iterator = null;
                    sleep(IDLE_MILLIS);
                    continue;
                }
                if (records.size() < consumer.batchSize() && !consumer.batchingWindow().isZero() && !gathered) {
                    // The mapping's batching window: wait, then read again from the same place, with what came meanwhile.
                    gathered = true;
                    iterator = null;
                    sleep(consumer.batchingWindow().toMillis());
                    continue;
                }
                gathered = false;
                Delivery delivery = deliver(handler, records, streamArn);
                String failedSequence = delivery.failedSequence();
                if (failedSequence == null) {
                    lastSequence = records.getLast().dynamodb().sequenceNumber();
                    checkpoints.save(consumer.name(), streamArn, lastSequence);
                    iterator = page.nextShardIterator();
                    attempts = 0;
                    continue;
                }
                attempts++;
                Record failed = records.stream().filter(record -> record.dynamodb().sequenceNumber().equals(failedSequence))
                        .findFirst().orElse(records.getFirst());
                int failedIndex = records.indexOf(failed);
                lastSequence = failedIndex == 0 ? lastSequence : records.get(failedIndex - 1).dynamodb().sequenceNumber();
                if (attempts > consumer.maxRetries()) {
                    sendToFailureQueue(consumer, failed, streamArn, shardId, delivery.handlerThrew());
                    lastSequence = failed.dynamodb().sequenceNumber();
                    checkpoints.save(consumer.name(), streamArn, lastSequence);
                    attempts = 0;
                } else {
                    sleep(200L * attempts);
                }
                iterator = null;
            } catch (RuntimeException e) {
                LOG.warn("reading the stream for {} failed: {}; retrying in a second", consumer.name(), e.toString());
                streamArn = null;
                iterator = null;
                sleep(1000);
            }
        }
    }

    private String iteratorAfter(String streamArn, String shardId, String lastSequence) {
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (lastSequence == null) {
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastSequence);
            }
        }).shardIterator();
    }

    /**
     * How the handler took a batch.
     *
     * @param failedSequence the record it reported as failed (or the first, if it threw); null if the batch succeeded
     * @param handlerThrew   it threw instead of answering (Lambda's "Unhandled" function error)
     */
    private record Delivery(String failedSequence, boolean handlerThrew) {
    }

    private static Delivery deliver(RequestHandler<DynamodbEvent, StreamsEventResponse> handler, List<Record> records, String streamArn) {
        try {
            StreamsEventResponse response = handler.handleRequest(StreamRecords.event(records, streamArn), null);
            return new Delivery(response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()
                    ? null : response.getBatchItemFailures().getFirst().getItemIdentifier(), false);
        } catch (RuntimeException e) {
            LOG.error("stream handler failed the whole batch", e);
            return new Delivery(records.getFirst().dynamodb().sequenceNumber(), true);
        }
    }

    /**
     * Sends the given-up record to the consumer's failure queue as Lambda's on-failure invocation
     * record for a DynamoDB stream: {@code requestContext}, {@code responseContext}, {@code version},
     * {@code timestamp} and {@code DDBStreamBatchInfo} (shard, sequence range, arrival times, batch
     * size, stream), no record data. Locally the batch given up is the one record the shard skips.
     */
    private void sendToFailureQueue(TesseraResources.StreamConsumer consumer, Record record, String streamArn, String shardId,
                                    boolean handlerThrew) {
        try {
            String[] arn = streamArn.split(":");
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("requestId", UUID.randomUUID().toString());
            // No function runs locally: the ARN names the consumer in the stream's Region and account.
            request.put("functionArn", "arn:aws:lambda:" + arn[3] + ":" + arn[4] + ":function:" + consumer.name());
            request.put("condition", "RetryAttemptsExhausted");
            request.put("approximateInvokeCount", consumer.maxRetries() + 1);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            if (handlerThrew) {
                response.put("functionError", "Unhandled");
            }
            String sequenceNumber = record.dynamodb().sequenceNumber();
            String arrival = DateTimeFormatter.ISO_INSTANT.format((record.dynamodb().approximateCreationDateTime() == null
                    ? Instant.now() : record.dynamodb().approximateCreationDateTime()).truncatedTo(ChronoUnit.SECONDS));
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("shardId", shardId);
            batch.put("startSequenceNumber", sequenceNumber);
            batch.put("endSequenceNumber", sequenceNumber);
            batch.put("approximateArrivalOfFirstRecord", arrival);
            batch.put("approximateArrivalOfLastRecord", arrival);
            batch.put("batchSize", 1);
            batch.put("streamArn", streamArn);
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("requestContext", request);
            failure.put("responseContext", response);
            failure.put("version", "1.0");
            failure.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            failure.put("DDBStreamBatchInfo", batch);
            String body = json.writeValueAsString(failure);
            String url = sqs.getQueueUrl(queue -> queue.queueName(consumer.failureQueue())).queueUrl();
            sqs.sendMessage(message -> message.queueUrl(url).messageBody(body));
            LOG.error("stream record {} of {} failed {} times; its place in the stream went to {} (scripts/redrive {})", sequenceNumber,
                    shardId, consumer.maxRetries() + 1, consumer.failureQueue(), consumer.failureQueue());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
