package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.context.CurrentTenant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A DynamoDB table whose items are partitioned by tenant ({@code pk = TENANT#<tenantId>}, the sort
 * key naming the item inside it): the main table and the analytics table. Every key is built here
 * from the tenant of the current {@link io.tessera.core.context.CallContext}, so callers name items
 * by their sort key and cannot name another tenant's partition at all; writes are conditional
 * where asked, and transactions cancelled only by conflicts are retried. Items are
 * {@link EnhancedDocument}s (the DynamoDB enhanced client's document mapping).
 */
public abstract class TenantTable {

    private static final String PARTITION_PREFIX = "TENANT#";
    private static final int MAX_TRANSACTION_ATTEMPTS = 4;
    private static final int MAX_BATCH_GET_KEYS = 100;
    private static final int MAX_BATCH_GET_BACKOFF_STEPS = 4;

    protected final DynamoDbClient dynamoDb;
    protected final String table;
    private final String partitionKey;
    private final String sortKey;
    private final CurrentTenant currentTenant;

    protected TenantTable(DynamoDbClient dynamoDb, String table, String partitionKey, String sortKey, CurrentTenant currentTenant) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.currentTenant = currentTenant;
    }

    /** A new document builder with the default converters, for building items to put. */
    public static EnhancedDocument.Builder document() {
        return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider());
    }

    /** The tenant an item, or a stream image of one, belongs to. */
    public static String tenantOf(EnhancedDocument item) {
        return tenantOfPartition(item.getString("pk"))
                .orElseThrow(() -> new IllegalArgumentException("not a tenant's item: " + item.getString("pk")));
    }

    /** The tenant of a partition key value ({@code acme} of {@code TENANT#acme}); empty for other partitions. */
    public static Optional<String> tenantOfPartition(String partition) {
        return partition.startsWith(PARTITION_PREFIX) ? Optional.of(partition.substring(PARTITION_PREFIX.length())) : Optional.empty();
    }

    public String tenantId() {
        return currentTenant.resolveTenantIdentifier();
    }

    /** The item with this sort key in the current tenant, read consistently. */
    public Optional<EnhancedDocument> get(String sortKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(table).key(key(sortKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDocument(item));
    }

    /**
     * The current tenant's items with these sort keys that exist, read consistently, keyed by sort key.
     */
    public Map<String, EnhancedDocument> getAll(Collection<String> sortKeys) {
        Map<String, EnhancedDocument> found = new HashMap<>();
        batchGet(new LinkedHashSet<>(sortKeys).stream().map(this::key).toList())
                .forEach(item -> found.put(item.get(sortKey).s(), toDocument(item)));
        return found;
    }

    /**
     * The item with this sort key in each of these tenants' partitions, read consistently: for
     * system work over a batch that spans tenants (stream records), which would otherwise read one
     * tenant at a time.
     *
     * @return by tenant id; tenants without the item are absent
     */
    public Map<String, EnhancedDocument> getInEachTenant(Collection<String> tenantIds, String itemSortKey) {
        Map<String, EnhancedDocument> found = new HashMap<>();
        batchGet(new LinkedHashSet<>(tenantIds).stream()
                .map(tenant -> Map.of(partitionKey, AttributeValue.fromS(PARTITION_PREFIX + tenant), sortKey, AttributeValue.fromS(itemSortKey)))
                .toList())
                .forEach(item -> found.put(tenantOfPartition(item.get(partitionKey).s()).orElseThrow(), toDocument(item)));
        return found;
    }

    /** BatchGetItem over any number of keys: 100 a request, unprocessed keys asked again after a pause. */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += MAX_BATCH_GET_KEYS) {
            Map<String, KeysAndAttributes> wanted = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(start, Math.min(keys.size(), start + MAX_BATCH_GET_KEYS))).consistentRead(true).build());
            for (int round = 1; !wanted.isEmpty(); round++) {
                Map<String, KeysAndAttributes> asked = wanted;
                BatchGetItemResponse response = dynamoDb.batchGetItem(request -> request.requestItems(asked));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                wanted = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!wanted.isEmpty()) {
                    sleepBeforeRetry(Math.min(round, MAX_BATCH_GET_BACKOFF_STEPS));
                }
            }
        }
        return items;
    }

    /** Writes the item; returns false if {@code condition} did not hold (nothing written). */
    public boolean put(String sortKey, EnhancedDocument attributes, @Nullable Expr condition) {
        try {
            dynamoDb.putItem(request -> {
                request.tableName(table).item(withKey(sortKey, attributes));
                if (condition != null) {
                    request.conditionExpression(condition.expression())
                            .expressionAttributeNames(condition.namesOrNull())
                            .expressionAttributeValues(condition.valuesOrNull());
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Applies an update expression (with its condition folded into {@code update} via
     * {@code conditionExpression}); returns the item after the update, or empty if the condition
     * did not hold.
     */
    public Optional<EnhancedDocument> update(String sortKey, Expr update, @Nullable Expr condition) {
        Expr all = condition == null ? update : update.withPlaceholdersOf(condition);
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(sortKey))
                    .updateExpression(update.expression())
                    .conditionExpression(condition == null ? null : condition.expression())
                    .expressionAttributeNames(all.namesOrNull())
                    .expressionAttributeValues(all.valuesOrNull())
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(toDocument(after));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** Deletes the item; returns false if {@code condition} did not hold. */
    public boolean delete(String sortKey, @Nullable Expr condition) {
        try {
            dynamoDb.deleteItem(request -> {
                request.tableName(table).key(key(sortKey));
                if (condition != null) {
                    request.conditionExpression(condition.expression())
                            .expressionAttributeNames(condition.namesOrNull())
                            .expressionAttributeValues(condition.valuesOrNull());
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Every item of the current tenant whose sort key starts with {@code prefix}, in sort-key order. */
    public List<EnhancedDocument> withPrefix(String prefix) {
        return queryPartition("#qpk = :qpk AND begins_with(#qsk, :from)", prefix, null);
    }

    /** Every item of the current tenant whose sort key lies between {@code from} and {@code to}, both included. */
    public List<EnhancedDocument> between(String from, String to) {
        return queryPartition("#qpk = :qpk AND #qsk BETWEEN :from AND :to", from, to);
    }

    private List<EnhancedDocument> queryPartition(String keyCondition, String from, @Nullable String to) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":qpk", AttributeValue.fromS(partition()));
        values.put(":from", AttributeValue.fromS(from));
        if (to != null) {
            values.put(":to", AttributeValue.fromS(to));
        }
        List<EnhancedDocument> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(Map.of("#qpk", partitionKey, "#qsk", sortKey))
                    .expressionAttributeValues(values)
                    .consistentRead(true).exclusiveStartKey(startKey).build());
            response.items().forEach(item -> items.add(toDocument(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    /**
     * Runs the writes in one DynamoDB transaction. A transaction cancelled only because another
     * one held the same items (TransactionConflict) is retried a few times before it fails;
     * a failed condition is never retried.
     */
    public void transact(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                boolean onlyConflicts = e.hasCancellationReasons() && e.cancellationReasons().stream()
                        .allMatch(reason -> "None".equals(reason.code()) || "TransactionConflict".equals(reason.code()));
                if (!onlyConflicts || attempt == MAX_TRANSACTION_ATTEMPTS) {
                    throw e;
                }
                sleepBeforeRetry(attempt);
            }
        }
    }

    static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10L << attempt, 20L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public TransactWriteItem transactionPut(String sortKey, EnhancedDocument attributes, @Nullable Expr condition) {
        return TransactWriteItem.builder().put(put -> {
            put.tableName(table).item(withKey(sortKey, attributes));
            if (condition != null) {
                put.conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.namesOrNull())
                        .expressionAttributeValues(condition.valuesOrNull());
            }
        }).build();
    }

    public TransactWriteItem transactionUpdate(String sortKey, Expr update, @Nullable Expr condition) {
        Expr all = condition == null ? update : update.withPlaceholdersOf(condition);
        return TransactWriteItem.builder().update(change -> change
                .tableName(table)
                .key(key(sortKey))
                .updateExpression(update.expression())
                .conditionExpression(condition == null ? null : condition.expression())
                .expressionAttributeNames(all.namesOrNull())
                .expressionAttributeValues(all.valuesOrNull())).build();
    }

    public TransactWriteItem transactionDelete(String sortKey, @Nullable Expr condition) {
        return TransactWriteItem.builder().delete(delete -> {
            delete.tableName(table).key(key(sortKey));
            if (condition != null) {
                delete.conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.namesOrNull())
                        .expressionAttributeValues(condition.valuesOrNull());
            }
        }).build();
    }

    /** The current tenant's partition key value. */
    protected String partition() {
        return PARTITION_PREFIX + tenantId();
    }

    protected Map<String, AttributeValue> key(String itemSortKey) {
        return Map.of(partitionKey, AttributeValue.fromS(partition()), sortKey, AttributeValue.fromS(itemSortKey));
    }

    /** The item to write: its attributes with this tenant's key. */
    protected Map<String, AttributeValue> withKey(String itemSortKey, EnhancedDocument attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes.toMap());
        item.putAll(key(itemSortKey));
        return item;
    }

    protected static EnhancedDocument toDocument(Map<String, AttributeValue> item) {
        return EnhancedDocument.fromAttributeValueMap(item);
    }
}
