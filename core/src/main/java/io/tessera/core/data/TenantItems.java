package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.context.CallContext;
import io.tessera.core.context.CurrentTenant;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only way to tenant data in the main table ({@link TenantTable} builds every key from the
 * current call's tenant), with what only the main table has: its indexes, whose partitions are the
 * tenant's too, pages with signed cursors, and batch reads.
 */
@Singleton
public class TenantItems extends TenantTable {

    private static final String PK = TesseraResources.MAIN_TABLE.partitionKey();
    private static final String SK = TesseraResources.MAIN_TABLE.sortKey().orElseThrow();
    private static final int MAX_QUERY_ROUNDS = 10;

    private final PageCursors cursors;

    TenantItems(DynamoDbClient dynamoDb, ResourcesConfiguration resources, CurrentTenant currentTenant, PageCursors cursors) {
        super(dynamoDb, resources.getMainTable(), PK, SK, currentTenant);
        this.cursors = cursors;
    }

    /** The value of an index partition attribute for this tenant, e.g. {@code TENANT#t#USER#u#ORDERS}. */
    public String indexPartition(String suffix) {
        return partition() + "#" + suffix;
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

    /** Also checks that an index partition is this tenant's or a platform listing's, whatever the caller wrote. */
    @Override
    protected Map<String, AttributeValue> withKey(String sortKey, EnhancedDocument attributes) {
        Map<String, AttributeValue> item = super.withKey(sortKey, attributes);
        for (TesseraResources.Index index : TesseraResources.MAIN_TABLE.indexes()) {
            AttributeValue value = item.get(index.partitionKey());
            boolean scoped = value == null || value.s() != null
                    && (value.s().startsWith(partition() + "#") || PlatformItems.INDEX_PARTITIONS.contains(value.s()));
            if (!scoped) {
                throw new IllegalArgumentException(index.partitionKey() + " must be built with indexPartition()");
            }
        }
        return item;
    }
}
