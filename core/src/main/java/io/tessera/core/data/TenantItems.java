package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.context.CallContext;
import io.tessera.core.context.CurrentTenant;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
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
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The only way to tenant data in the main table. Every key it reads or writes is built here from
 * the tenant of the current {@link io.tessera.core.context.CallContext}: callers name items by
 * their sort key inside the tenant and cannot name another tenant's partition at all.
 *
 * <p>Items are {@link EnhancedDocument}s (the DynamoDB enhanced client's document mapping).
 */
@Singleton
public class TenantItems {

    private static final String PK = TesseraResources.MAIN_TABLE.partitionKey();
    private static final String SK = TesseraResources.MAIN_TABLE.sortKey().orElseThrow();
    private static final int MAX_QUERY_ROUNDS = 10;
    private static final int MAX_TRANSACTION_ATTEMPTS = 4;
    private static final int MAX_BATCH_GET = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CurrentTenant currentTenant;
    private final PageCursors cursors;

    TenantItems(DynamoDbClient dynamoDb, ResourcesConfiguration resources, CurrentTenant currentTenant, PageCursors cursors) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getMainTable();
        this.currentTenant = currentTenant;
        this.cursors = cursors;
    }

    /** A new document builder with the default converters, for building items to put. */
    public static EnhancedDocument.Builder document() {
        return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider());
    }

    public String tenantId() {
        return currentTenant.resolveTenantIdentifier();
    }

    /** The value of an index partition attribute for this tenant, e.g. {@code TENANT#t#USER#u#ORDERS}. */
    public String indexPartition(String suffix) {
        return partition() + "#" + suffix;
    }

    public Optional<EnhancedDocument> get(String sortKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(table).key(key(sortKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDocument(item));
    }

    /**
     * The items with these sort keys that exist, read consistently with BatchGetItem (up to 100
     * keys per request, unprocessed keys asked again), keyed by sort key.
     */
    public Map<String, EnhancedDocument> getAll(Collection<String> sortKeys) {
        Map<String, EnhancedDocument> found = new HashMap<>();
        List<String> keys = List.copyOf(new LinkedHashSet<>(sortKeys));
        for (int start = 0; start < keys.size(); start += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> batch = keys.subList(start, Math.min(keys.size(), start + MAX_BATCH_GET))
                    .stream().map(this::key).toList();
            Map<String, KeysAndAttributes> wanted = Map.of(table, KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
            for (int round = 1; !wanted.isEmpty(); round++) {
                Map<String, KeysAndAttributes> asked = wanted;
                BatchGetItemResponse response = dynamoDb.batchGetItem(request -> request.requestItems(asked));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get(SK).s(), toDocument(item)));
                wanted = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!wanted.isEmpty()) {
                    sleepBeforeRetry(Math.min(round, MAX_TRANSACTION_ATTEMPTS));
                }
            }
        }
        return found;
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

    /** One page of a listing, starting where the query's cursor says (400 for a cursor not handed out for it). */
    public Page<EnhancedDocument> query(Query query) {
        String binding = binding(query, partitionValue(query));
        Map<String, AttributeValue> startKey = cursors.decode(binding, query.page().cursor());
        Fetched fetched = fetch(query, startKey, query.page().limit());
        return new Page<>(fetched.items(), cursors.encode(binding, fetched.lastKey()));
    }

    /** Every item of a listing, for work that reads it whole itself (nothing is handed to a client, so no cursors). */
    public List<EnhancedDocument> queryAll(Query query) {
        List<EnhancedDocument> all = new ArrayList<>();
        Map<String, AttributeValue> lastKey = null;
        do {
            Fetched fetched = fetch(query, lastKey, PageRequest.MAX_LIMIT);
            all.addAll(fetched.items());
            lastKey = fetched.lastKey();
        } while (lastKey != null);
        return all;
    }

    private record Fetched(List<EnhancedDocument> items, @Nullable Map<String, AttributeValue> lastKey) {
    }

    /** Up to {@code limit} items from {@code startKey} on; with a filter, DynamoDB is asked again until the page is full. */
    private Fetched fetch(Query query, @Nullable Map<String, AttributeValue> startKey, int limit) {
        String partitionAttribute = query.index() == null ? PK : query.index().partitionKey();
        String sortAttribute = query.index() == null ? SK : query.index().sortKey();
        String partitionValue = partitionValue(query);
        Expr keyCondition = query.sortKeyPrefix().isEmpty()
                ? Expr.of("#qpk = :qpk").name("#qpk", partitionAttribute).value(":qpk", partitionValue)
                : Expr.of("#qpk = :qpk AND begins_with(#qsk, :qsk)")
                        .name("#qpk", partitionAttribute).name("#qsk", sortAttribute)
                        .value(":qpk", partitionValue).value(":qsk", query.sortKeyPrefix());
        Expr all = query.filter() == null ? keyCondition : keyCondition.withPlaceholdersOf(query.filter());

        List<EnhancedDocument> items = new ArrayList<>();
        Map<String, AttributeValue> lastKey = startKey;
        for (int round = 0; round < MAX_QUERY_ROUNDS; round++) {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression(keyCondition.expression())
                    .expressionAttributeNames(all.namesOrNull())
                    .expressionAttributeValues(all.valuesOrNull())
                    .scanIndexForward(!query.descending())
                    .limit(limit - items.size())
                    .exclusiveStartKey(lastKey);
            if (query.index() != null) {
                request.indexName(query.index().name());
            } else {
                request.consistentRead(true);
            }
            if (query.filter() != null) {
                request.filterExpression(query.filter().expression());
            }
            QueryResponse response = dynamoDb.query(request.build());
            response.items().forEach(item -> items.add(toDocument(item)));
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            if (lastKey == null || items.size() >= limit) {
                break;
            }
        }
        return new Fetched(items, lastKey);
    }

    private String partitionValue(Query query) {
        return query.index() == null ? partition() : indexPartition(query.indexPartition());
    }

    /** What a cursor of this query is bound to: the listing exactly (partition, prefix, order, filter) and the caller. */
    private static String binding(Query query, String partitionValue) {
        StringBuilder binding = new StringBuilder(query.index() == null ? "table" : query.index().name())
                .append('|').append(partitionValue)
                .append('|').append(query.sortKeyPrefix())
                .append('|').append(query.descending() ? "desc" : "asc");
        if (query.filter() != null) {
            binding.append('|').append(query.filter().expression())
                    .append('|').append(new TreeMap<>(query.filter().names()))
                    .append('|').append(new TreeMap<>(query.filter().values()));
        }
        String caller = CallContext.current().map(CallContext::userId).orElse(null);
        return binding.append("|caller=").append(caller == null ? "-" : caller).toString();
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

    private static void sleepBeforeRetry(int attempt) {
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

    private String partition() {
        return "TENANT#" + tenantId();
    }

    private Map<String, AttributeValue> key(String sortKey) {
        return Map.of(PK, AttributeValue.fromS(partition()), SK, AttributeValue.fromS(sortKey));
    }

    private Map<String, AttributeValue> withKey(String sortKey, EnhancedDocument attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes.toMap());
        item.putAll(key(sortKey));
        // An index partition is always this tenant's (or the platform's list of tenants), whatever the caller wrote.
        for (TesseraResources.Index index : TesseraResources.MAIN_TABLE.indexes()) {
            AttributeValue value = item.get(index.partitionKey());
            boolean scoped = value == null || value.s() != null
                    && (value.s().startsWith(partition() + "#") || value.s().equals(PlatformItems.TENANTS_PARTITION));
            if (!scoped) {
                throw new IllegalArgumentException(index.partitionKey() + " must be built with indexPartition()");
            }
        }
        return item;
    }

    private static EnhancedDocument toDocument(Map<String, AttributeValue> item) {
        return EnhancedDocument.fromAttributeValueMap(item);
    }
}
