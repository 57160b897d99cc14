package io.tessera.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.e2e.support.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.tessera.faults.Queues.SQS;
import static io.tessera.faults.Queues.url;
import static io.tessera.faults.Queues.visible;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream consumers' failures, from the stream to {@code scripts/redrive} and back: a record no
 * consumer can read (an order item without an order's fields) is given up by each consumer after its
 * retries, and its failure queue receives what Lambda's on-failure destination receives in AWS
 * (the shape of a recorded AWS message: where the batch lies in the stream, no record data).
 * The redrive reads the records back from the stream, hands them to the consumer again and
 * deletes a message only once that worked; a message past the stream's retention is said to be
 * so and left. Faults below the API, so this talks to SQS and DynamoDB directly.
 */
class StreamFailureRedriveIT {

    private static final String MAIN_TABLE = Optional.ofNullable(System.getenv("TESSERA_RESOURCES_MAIN_TABLE")).orElse("tessera-main");
    private static final List<String> FAILURE_QUEUES = List.of("tessera-outbox-dlq", "tessera-analytics-dlq");
    /** The AWS Lambda Developer Guide's example on-failure record of a DynamoDB stream (see RecordedOnFailureMessage there). */
    private static final Path RECORDED = Scripts.ROOT.resolve("stream-processors/src/test/resources/ops/dynamodb-stream-on-failure.json");
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();
    private static final DynamoDbStreamsClient STREAMS = DynamoDbStreamsClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SENT_OR_FOUND = new HashSet<>();
    private static final Map<String, String> PARTITION_OF_MESSAGE = new HashMap<>();

    @Test
    void aRecordNoConsumerCanReadReachesEachFailureQueueInLambdasShapeAndStaysThereWhileItStillFails() throws Exception {
        // An order item with none of an order's fields, in a tenant partition of its own: both consumers read it and fail.
        String partition = "TENANT#poison-" + UUID.randomUUID();
        DYNAMODB.putItem(request -> request.tableName(MAIN_TABLE).item(Map.of("pk", s(partition), "sk", s("ORDER#x"), "type", s("ORDER"))));

        for (String queue : FAILURE_QUEUES) {
            Message failure = Eventually.await(Duration.ofSeconds(90), "the failure of " + partition + " in " + queue,
                    () -> visible(queue).stream().filter(message -> partition.equals(partitionAt(message))).findFirst());
            SENT_OR_FOUND.add(failure.messageId());
            JsonNode body = JSON.readTree(failure.body());

            assertThat(fieldsOf(body)).as("fields of the failure in %s", queue)
                    .isEqualTo(fieldsOf(JSON.readTree(RECORDED.toFile())).stream()
                            .filter(field -> !field.equals("responseContext.functionError")).collect(TreeSet::new, Set::add, Set::addAll));
            JsonNode batch = body.get("DDBStreamBatchInfo");
            assertThat(body.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(body.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(6);
            assertThat(batch.get("batchSize").asInt()).isEqualTo(1);
            assertThat(batch.get("endSequenceNumber").asText()).isEqualTo(batch.get("startSequenceNumber").asText());
            assertThat(batch.get("streamArn").asText()).isEqualTo(streamArn());

            Scripts.Outcome dryRun = Scripts.run(Duration.ofSeconds(120), Map.of(), "redrive", "--dry-run", queue);
            assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).contains("message " + failure.messageId() + ": would hand 1 record(s) " + batch.get("startSequenceNumber").asText());

            Scripts.Outcome redrive = Scripts.run(Duration.ofSeconds(120), Map.of(), "redrive", queue);
            assertThat(redrive.exitCode()).as(redrive.output()).isEqualTo(3);
            assertThat(redrive.output()).contains("message " + failure.messageId() + ": 1 record(s)").contains("the consumer still fails");
            assertThat(visible(queue)).as("left in " + queue).extracting(Message::messageId).contains(failure.messageId());
        }
    }

    @Test
    void aFailedBatchTheConsumerNowTakesIsReadBackFromTheStreamReplayedAndDeleted() throws Exception {
        String partition = "PROBE#" + UUID.randomUUID();
        String shard = STREAMS.describeStream(request -> request.streamArn(streamArn())).streamDescription().shards().getLast().shardId();
        String latest = STREAMS.getShardIterator(request -> request.streamArn(streamArn()).shardId(shard)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        DYNAMODB.putItem(request -> request.tableName(MAIN_TABLE).item(Map.of("pk", s(partition), "sk", s("probe"))));
        Record record = STREAMS.getRecords(request -> request.shardIterator(latest)).records().stream()
                .filter(candidate -> partition.equals(candidate.dynamodb().keys().get("pk").s())).findFirst().orElseThrow();
        String sequence = record.dynamodb().sequenceNumber();
        // What Lambda would have sent had the analytics consumer given this record up: the recorded shape, this record's place.
        ObjectNode failure = (ObjectNode) JSON.readTree(RECORDED.toFile());
        String arrival = DateTimeFormatter.ISO_INSTANT.format(record.dynamodb().approximateCreationDateTime().truncatedTo(ChronoUnit.SECONDS));
        ((ObjectNode) failure.get("DDBStreamBatchInfo")).put("shardId", shard).put("startSequenceNumber", sequence)
                .put("endSequenceNumber", sequence).put("approximateArrivalOfFirstRecord", arrival)
                .put("approximateArrivalOfLastRecord", arrival).put("streamArn", streamArn());
        String messageId = send("tessera-analytics-dlq", JSON.writeValueAsString(failure));

        Scripts.Outcome redrive = Scripts.run(Duration.ofSeconds(120), Map.of(), "redrive", "tessera-analytics-dlq");

        assertThat(redrive.output()).contains("message " + messageId + ": replayed 1 record(s) " + sequence + ".." + sequence);
        assertThat(visible("tessera-analytics-dlq")).extracting(Message::messageId).doesNotContain(messageId);
    }

    @Test
    void theRecordedAwsFailurePastTheStreamsRetentionIsSaidToBeAndLeft() throws Exception {
        String messageId = send("tessera-outbox-dlq", Files.readString(RECORDED));

        Scripts.Outcome redrive = Scripts.run(Duration.ofSeconds(120), Map.of(), "redrive", "tessera-outbox-dlq");

        assertThat(redrive.exitCode()).as(redrive.output()).isEqualTo(3);
        assertThat(redrive.output()).contains("message " + messageId + ": 1 record(s) 800000000003126276362..800000000003126276362")
                .contains("past the stream's 24-hour retention");
        assertThat(visible("tessera-outbox-dlq")).extracting(Message::messageId).contains(messageId);
    }

    /** Nothing of this test is left for the next one to meet. */
    @AfterAll
    static void deleteTheFailures() {
        for (String queue : FAILURE_QUEUES) {
            Queues.deleteWhere(queue, message -> SENT_OR_FOUND.contains(message.messageId()));
        }
    }

    private static String send(String queue, String body) {
        String messageId = SQS.sendMessage(request -> request.queueUrl(url(queue)).messageBody(body)).messageId();
        SENT_OR_FOUND.add(messageId);
        return messageId;
    }

    /** The partition key of the first record a failure message points at, read back from the stream; null if it cannot be. */
    private static String partitionAt(Message message) {
        return PARTITION_OF_MESSAGE.computeIfAbsent(message.messageId(), id -> {
            try {
                JsonNode batch = JSON.readTree(message.body()).get("DDBStreamBatchInfo");
                if (batch == null || !batch.get("streamArn").asText().equals(streamArn())) {
                    return "";
                }
                String iterator = STREAMS.getShardIterator(request -> request.streamArn(batch.get("streamArn").asText())
                        .shardId(batch.get("shardId").asText()).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(batch.get("startSequenceNumber").asText())).shardIterator();
                List<Record> records = STREAMS.getRecords(request -> request.shardIterator(iterator).limit(1)).records();
                return records.isEmpty() ? "" : records.getFirst().dynamodb().keys().get("pk").s();
            } catch (IOException | RuntimeException notAFailureOfThisStream) {
                return "";
            }
        });
    }

    /** Every field of a JSON document as its dotted path ({@code DDBStreamBatchInfo.shardId}...). */
    private static Set<String> fieldsOf(JsonNode node) {
        Set<String> fields = new TreeSet<>();
        node.properties().forEach(field -> {
            fields.add(field.getKey());
            if (field.getValue().isObject()) {
                fieldsOf(field.getValue()).forEach(inner -> fields.add(field.getKey() + "." + inner));
            }
        });
        return fields;
    }

    private static String streamArn() {
        return DYNAMODB.describeTable(request -> request.tableName(MAIN_TABLE)).table().latestStreamArn();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
