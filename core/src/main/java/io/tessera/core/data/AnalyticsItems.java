package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.context.CurrentTenant;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's items in the analytics table, keyed like the main table
 * ({@code TENANT#id} / sort key) and reached only through the current call's tenant.
 */
@Singleton
public class AnalyticsItems {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CurrentTenant currentTenant;

    AnalyticsItems(DynamoDbClient dynamoDb, ResourcesConfiguration resources, CurrentTenant currentTenant) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getAnalyticsTable();
        this.currentTenant = currentTenant;
    }

    public Optional<EnhancedDocument> get(String sortKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).key(key(sortKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EnhancedDocument.fromAttributeValueMap(item));
    }

    /** Items whose sort keys lie between {@code from} and {@code to}, both included. */
    public List<EnhancedDocument> between(String from, String to) {
        return query("pk = :pk AND sk BETWEEN :from AND :to",
                Map.of(":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to)));
    }

    public List<EnhancedDocument> withPrefix(String prefix) {
        return query("pk = :pk AND begins_with(sk, :prefix)", Map.of(":prefix", AttributeValue.fromS(prefix)));
    }

    /** Applies an update; empty if its condition did not hold. */
    public Optional<EnhancedDocument> update(String sortKey, Expr update, @Nullable Expr condition) {
        Expr all = condition == null ? update : update.withPlaceholdersOf(condition);
        try {
            return Optional.of(EnhancedDocument.fromAttributeValueMap(dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(sortKey))
                    .updateExpression(update.expression())
                    .conditionExpression(condition == null ? null : condition.expression())
                    .expressionAttributeNames(all.namesOrNull())
                    .expressionAttributeValues(all.valuesOrNull())
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    public void put(String sortKey, EnhancedDocument attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes.toMap());
        item.putAll(key(sortKey));
        dynamoDb.putItem(request -> request.tableName(table).item(item));
    }

    public void delete(String sortKey) {
        dynamoDb.deleteItem(request -> request.tableName(table).key(key(sortKey)));
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

    public void transact(List<TransactWriteItem> writes) {
        dynamoDb.transactWriteItems(request -> request.transactItems(writes));
    }

    private List<EnhancedDocument> query(String keyCondition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pk", AttributeValue.fromS(partition()));
        List<EnhancedDocument> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression(keyCondition).expressionAttributeValues(all)
                    .consistentRead(true).exclusiveStartKey(startKey).build());
            response.items().forEach(item -> items.add(EnhancedDocument.fromAttributeValueMap(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private String partition() {
        return "TENANT#" + currentTenant.resolveTenantIdentifier();
    }

    private Map<String, AttributeValue> key(String sortKey) {
        return Map.of("pk", AttributeValue.fromS(partition()), "sk", AttributeValue.fromS(sortKey));
    }
}
