package io.tessera.streams.ops;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.tessera.core.aws.StreamRecords;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the records of a given-up stream batch to their consumer again: reads them back from the
 * stream (GetShardIterator AT_SEQUENCE_NUMBER on the batch's shard, then GetRecords up to its
 * last sequence number; DynamoDB Streams API reference) and calls the consumer's handler with them
 * as the {@link DynamodbEvent} Lambda would build.
 */
final class StreamFailureReplay {

    /** Empty pages in a row after which the batch's records are taken as not in the shard (an open shard may answer a few). */
    private static final int EMPTY_PAGES_TOLERATED = 5;

    /** How a replay ended; {@code detail} says it in words for the operator. */
    record Outcome(Kind kind, int records, String detail) {
    }

    enum Kind {
        /** The handler took every record: the failure message can go. */
        REPLAYED,
        /** With --dry-run: the records are there and would be handed over. */
        WOULD_REPLAY,
        /** The handler still reports a failure: the cause is not fixed yet. */
        STILL_FAILS,
        /** The records are past the stream's 24-hour retention: they cannot be read back any more. */
        PAST_RETENTION,
        /** The stream, shard or records are not there (a deleted table, a stream turned off). */
        NOT_FOUND
    }

    private final DynamoDbStreamsClient streams;
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final Clock clock;

    StreamFailureReplay(DynamoDbStreamsClient streams, RequestHandler<DynamodbEvent, StreamsEventResponse> handler, Clock clock) {
        this.streams = streams;
        this.handler = handler;
        this.clock = clock;
    }

    /**
     * Replays {@code failure}'s records, or with {@code dryRun} only reads them.
     *
     * @return what happened; only {@link Kind#REPLAYED} means the failure message may be deleted
     */
    Outcome replay(StreamFailure failure, boolean dryRun) {
        if (failure.pastRetention(clock.instant())) {
            return pastRetention(failure, "its first record arrived at " + failure.firstArrival() + ", more than 24 hours ago");
        }
        List<Record> records;
        try {
            records = read(failure);
        } catch (TrimmedDataAccessException | ExpiredIteratorException e) {
            return pastRetention(failure, "DynamoDB Streams answered " + e.awsErrorDetails().errorCode());
        } catch (ResourceNotFoundException e) {
            return new Outcome(Kind.NOT_FOUND, 0, "the stream or shard of " + failure.describe() + " is gone: " + e.awsErrorDetails().errorMessage());
        }
        if (records.isEmpty()) {
            return new Outcome(Kind.NOT_FOUND, 0, "no record of " + failure.describe() + " is in the stream any more");
        }
        String range = records.size() + " record(s) " + records.getFirst().dynamodb().sequenceNumber() + ".."
                + records.getLast().dynamodb().sequenceNumber();
        if (dryRun) {
            return new Outcome(Kind.WOULD_REPLAY, records.size(), "would hand " + range + " to the consumer again");
        }
        try {
            StreamsEventResponse response = handler.handleRequest(StreamRecords.event(records, failure.streamArn()), null);
            if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
                return new Outcome(Kind.REPLAYED, records.size(), "replayed " + range);
            }
            return new Outcome(Kind.STILL_FAILS, records.size(), range + ": the consumer still fails at record "
                    + response.getBatchItemFailures().getFirst().getItemIdentifier());
        } catch (RuntimeException e) {
            return new Outcome(Kind.STILL_FAILS, records.size(), range + ": the consumer still fails: " + e);
        }
    }

    private static Outcome pastRetention(StreamFailure failure, String why) {
        return new Outcome(Kind.PAST_RETENTION, 0, failure.describe() + " is past the stream's 24-hour retention (" + why
                + "): its records cannot be read back; repair from the table itself (for analytics: scripts/analytics-rebuild)");
    }

    /** The batch's records, from its first sequence number to its last. */
    private List<Record> read(StreamFailure failure) {
        String iterator = streams.getShardIterator(request -> request.streamArn(failure.streamArn()).shardId(failure.shardId())
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(failure.startSequenceNumber())).shardIterator();
        List<Record> records = new ArrayList<>();
        int emptyPages = 0;
        while (iterator != null && emptyPages < EMPTY_PAGES_TOLERATED) {
            String current = iterator;
            GetRecordsResponse page = streams.getRecords(request -> request.shardIterator(current).limit(1000));
            emptyPages = page.records().isEmpty() ? emptyPages + 1 : 0;
            for (Record record : page.records()) {
                if (failure.isAfterBatch(record.dynamodb().sequenceNumber())) {
                    return records;
                }
                records.add(record);
            }
            if (failure.batchSize() > 0 && records.size() >= failure.batchSize()) {
                return records;
            }
            iterator = page.nextShardIterator();
        }
        return records;
    }
}
