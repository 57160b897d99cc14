package io.tessera.core.data;

import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.Map;

/**
 * Counters of attempts in fixed time windows, shared by every process: one item per counter and
 * window in the main table ({@code pk} {@code ATTEMPTS#<counter>}, {@code sk} the window's start in
 * epoch seconds), incremented atomically (DynamoDB {@code UpdateItem ADD}) and removed by the
 * table's TTL when the window ends. They belong to no tenant.
 */
@Singleton
public class AttemptCounters {

    private final DynamoDbClient dynamoDb;
    private final String table;

    AttemptCounters(DynamoDbClient dynamoDb, ResourcesConfiguration resources) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getMainTable();
    }

    /**
     * Adds {@code delta} (1, or -1 to take back an attempt) to the counter's window.
     *
     * @param keepUntil when the item may go (the table's TTL): after the next window, which still reads it
     * @return the window's count after it
     */
    public long add(String counter, Instant windowStart, int delta, Instant keepUntil) {
        return Long.parseLong(dynamoDb.updateItem(request -> request
                .tableName(table)
                .key(key(counter, windowStart))
                .updateExpression("ADD attempts :delta SET expiresAt = :expiresAt")
                .expressionAttributeValues(Map.of(
                        ":delta", AttributeValue.fromN(Integer.toString(delta)),
                        ":expiresAt", AttributeValue.fromN(Long.toString(keepUntil.getEpochSecond()))))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("attempts").n());
    }

    /** The counter's count in the window (0 if nothing was counted), read consistently. */
    public long count(String counter, Instant windowStart) {
        AttributeValue attempts = dynamoDb.getItem(request -> request.tableName(table).key(key(counter, windowStart)).consistentRead(true))
                .item().get("attempts");
        return attempts == null ? 0 : Long.parseLong(attempts.n());
    }

    private static Map<String, AttributeValue> key(String counter, Instant windowStart) {
        return Map.of(
                "pk", AttributeValue.fromS("ATTEMPTS#" + counter),
                "sk", AttributeValue.fromS(Long.toString(windowStart.getEpochSecond())));
    }
}
