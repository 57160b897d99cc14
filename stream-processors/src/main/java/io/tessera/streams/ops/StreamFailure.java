package io.tessera.streams.ops;

import io.micronaut.json.tree.JsonNode;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * What Lambda's on-failure destination receives when a DynamoDB stream batch is given up: the
 * invocation record with {@code DDBStreamBatchInfo}, where the batch lies in the stream, and no
 * record data ("Retain discarded records for a DynamoDB event source in Lambda", AWS Lambda
 * Developer Guide). The local stream poller sends the same shape.
 *
 * @param condition              why the batch was given up ({@code RetryAttemptsExhausted}, {@code RecordAgeExceeded}...)
 * @param approximateInvokeCount how many times the function was invoked with it
 * @param streamArn              the stream the records are in
 * @param shardId                their shard
 * @param startSequenceNumber    the first record of the batch
 * @param endSequenceNumber      the last record of the batch
 * @param firstArrival           when the first record arrived in the stream
 * @param batchSize              how many records the batch held
 */
record StreamFailure(String condition, int approximateInvokeCount, String streamArn, String shardId,
                     String startSequenceNumber, String endSequenceNumber, Instant firstArrival, int batchSize) {

    /** How long DynamoDB Streams keeps a record ("DynamoDB Streams ... 24 hours", DynamoDB Developer Guide). */
    static final Duration RETENTION = Duration.ofHours(24);

    /**
     * Reads an on-failure invocation record.
     *
     * @throws IllegalArgumentException if {@code message} has no {@code DDBStreamBatchInfo} (not such a record)
     */
    static StreamFailure of(JsonNode message) {
        JsonNode batch = message.get("DDBStreamBatchInfo");
        if (batch == null || !batch.isObject()) {
            throw new IllegalArgumentException("not a Lambda on-failure record of a DynamoDB stream (no DDBStreamBatchInfo)");
        }
        JsonNode request = message.get("requestContext");
        return new StreamFailure(
                request == null || request.get("condition") == null ? "unknown" : request.get("condition").getStringValue(),
                request == null || request.get("approximateInvokeCount") == null ? 0 : request.get("approximateInvokeCount").getIntValue(),
                text(batch, "streamArn"), text(batch, "shardId"), text(batch, "startSequenceNumber"), text(batch, "endSequenceNumber"),
                Instant.parse(text(batch, "approximateArrivalOfFirstRecord")),
                batch.get("batchSize") == null ? 0 : batch.get("batchSize").getIntValue());
    }

    /** True once the first record is older than the stream's retention: it may already be trimmed. */
    boolean pastRetention(Instant now) {
        return firstArrival.plus(RETENTION).isBefore(now);
    }

    /** True for a sequence number after the batch's last record. */
    boolean isAfterBatch(String sequenceNumber) {
        return new BigInteger(sequenceNumber).compareTo(new BigInteger(endSequenceNumber)) > 0;
    }

    /** e.g. {@code 3 record(s) 4100..4102 of shard shardId-1 (given up: RetryAttemptsExhausted after 6 invocations)}. */
    String describe() {
        return batchSize + " record(s) " + startSequenceNumber + ".." + endSequenceNumber + " of " + shardId
                + " (given up: " + condition + " after " + approximateInvokeCount + " invocation(s); first arrived " + firstArrival + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("DDBStreamBatchInfo has no " + field);
        }
        return value.getStringValue();
    }
}
