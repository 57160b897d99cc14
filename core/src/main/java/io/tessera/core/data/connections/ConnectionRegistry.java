package io.tessera.core.data.connections;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tessera.core.context.CurrentTenant;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connection registry (the connections table). A connection's tenant is fixed when it is
 * registered from a verified token; listing and changing connections happen inside the current
 * tenant only. Expired connections are returned like the others: {@link io.tessera.core.push.ConnectionAuthority}
 * decides what to do with them (DynamoDB's TTL removes them only eventually).
 */
@Singleton
public class ConnectionRegistry {

    private static final TesseraResources.Index BY_TENANT = TesseraResources.CONNECTIONS_TABLE.indexes().getFirst();
    /** Kept a day past expiry for DynamoDB's TTL, which may take that long to delete anyway. */
    private static final long TTL_SLACK_SECONDS = 86_400;
    private static final String CONNECTION_ID = "connectionId";
    /**
     * The key of a tenant's change count in the same table. It has no {@code tenantId} attribute,
     * so the by-tenant index, which lists connections, never holds it.
     */
    private static final String CHANGES_PREFIX = "changes#";
    /**
     * How long after a change of a tenant's connections the by-tenant index may still miss it
     * (DynamoDB propagates to a global secondary index asynchronously, usually within a second).
     */
    static final Duration INDEX_SETTLES = Duration.ofSeconds(2);

    private final Cache<String, TenantList> lists = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(15)).maximumSize(10_000).build();

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ConnectionRegistry(DynamoDbClient dynamoDb, ResourcesConfiguration resources, CurrentTenant currentTenant, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getConnectionsTable();
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /** Registers a connection of the current tenant's caller. */
    public void register(Connection connection) {
        if (!connection.tenantId().equals(currentTenant.resolveTenantIdentifier())) {
            throw new IllegalArgumentException("a connection is registered in its own tenant only");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("connectionId", AttributeValue.fromS(connection.connectionId()));
        item.put("tenantId", AttributeValue.fromS(connection.tenantId()));
        item.put("userConnection", AttributeValue.fromS(connection.userId() + "#" + connection.connectionId()));
        item.put("userId", AttributeValue.fromS(connection.userId()));
        item.put("roles", strings(connection.roles()));
        item.put("channels", strings(connection.channels()));
        item.put("connectedAt", AttributeValue.fromS(connection.connectedAt().toString()));
        item.put("tokenIssuedAt", AttributeValue.fromN(Long.toString(connection.tokenIssuedAt().getEpochSecond())));
        item.put("authorityExpiresAt", AttributeValue.fromN(Long.toString(connection.expiresAt().getEpochSecond())));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(connection.expiresAt().getEpochSecond() + TTL_SLACK_SECONDS)));
        dynamoDb.putItem(request -> request.tableName(table).item(item));
        changed(connection.tenantId());
    }

    /**
     * The connection with this id, whoever's it is: the record itself says which tenant a later
     * message or disconnect on it belongs to.
     */
    public Optional<Connection> find(String connectionId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toConnection(item));
    }

    /** Replaces the channels of one of the current tenant's connections; false if there is no such connection. */
    public boolean setChannels(String connectionId, Set<String> channels) {
        try {
            dynamoDb.updateItem(request -> request.tableName(table)
                    .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))
                    .updateExpression("SET channels = :channels")
                    .conditionExpression("tenantId = :tenant")
                    .expressionAttributeValues(Map.of(
                            ":channels", strings(channels),
                            ":tenant", AttributeValue.fromS(currentTenant.resolveTenantIdentifier()))));
            changed(currentTenant.resolveTenantIdentifier());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Forgets one of the current tenant's connections (gone, closed or refused). */
    public void remove(String connectionId) {
        try {
            dynamoDb.deleteItem(request -> request.tableName(table)
                    .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))
                    .conditionExpression("tenantId = :tenant")
                    .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(currentTenant.resolveTenantIdentifier()))));
            changed(currentTenant.resolveTenantIdentifier());
        } catch (ConditionalCheckFailedException e) {
            // already gone, or not this tenant's: nothing to do either way
        }
    }

    /**
     * Every connection of the current tenant. The list is kept in this process and queried again
     * only when the tenant's connections changed since (its change count, one consistent read, says
     * so), or when it was queried less than {@link #INDEX_SETTLES} after the last change, when the
     * index may not have shown that change yet.
     */
    public List<Connection> ofCurrentTenant() {
        String tenantId = currentTenant.resolveTenantIdentifier();
        Changes changes = changesOf(tenantId);
        TenantList known = lists.getIfPresent(tenantId);
        if (known != null && known.changes() == changes.count() && !known.queriedAt().isBefore(changes.settledAt())) {
            return known.connections();
        }
        Instant queriedAt = clock.instant();
        List<Connection> connections = List.copyOf(query("tenantId = :tenant", Map.of(":tenant", AttributeValue.fromS(tenantId))));
        lists.put(tenantId, new TenantList(changes.count(), queriedAt, connections));
        return connections;
    }

    /** A tenant's connections as queried at {@code queriedAt}, when its change count was {@code changes}. */
    private record TenantList(long changes, Instant queriedAt, List<Connection> connections) {
    }

    /** A tenant's change count, and when the index shows its last change for sure. */
    private record Changes(long count, Instant settledAt) {
    }

    /** Counts a change to the tenant's connections, so that every process reads its list again. */
    private void changed(String tenantId) {
        lists.invalidate(tenantId);
        dynamoDb.updateItem(request -> request.tableName(table)
                .key(Map.of(CONNECTION_ID, AttributeValue.fromS(CHANGES_PREFIX + tenantId)))
                .updateExpression("SET changedAt = :now ADD changes :one")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromN(Long.toString(clock.millis())))));
    }

    private Changes changesOf(String tenantId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of(CONNECTION_ID, AttributeValue.fromS(CHANGES_PREFIX + tenantId))).consistentRead(true)).item();
        if (item == null || !item.containsKey("changes")) {
            return new Changes(0, Instant.EPOCH);
        }
        Instant changedAt = item.containsKey("changedAt") ? Instant.ofEpochMilli(Long.parseLong(item.get("changedAt").n())) : Instant.EPOCH;
        return new Changes(Long.parseLong(item.get("changes").n()), changedAt.plus(INDEX_SETTLES));
    }

    /** Every connection of one user of the current tenant. */
    public List<Connection> ofUser(String userId) {
        return query("tenantId = :tenant AND begins_with(userConnection, :user)", Map.of(
                ":tenant", AttributeValue.fromS(currentTenant.resolveTenantIdentifier()),
                ":user", AttributeValue.fromS(userId + "#")));
    }

    private List<Connection> query(String keyCondition, Map<String, AttributeValue> values) {
        List<Connection> connections = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = dynamoDb.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(BY_TENANT.name())
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(startKey)
                    .build());
            response.items().stream().map(ConnectionRegistry::toConnection).forEach(connections::add);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return connections;
    }

    private static Connection toConnection(Map<String, AttributeValue> item) {
        return new Connection(
                item.get("connectionId").s(),
                item.get("tenantId").s(),
                item.get("userId").s(),
                strings(item.get("roles")),
                strings(item.get("channels")),
                Instant.parse(item.get("connectedAt").s()),
                // Records from before these were stored count as issued and expired long ago: closed rather than trusted.
                epochSeconds(item, "tokenIssuedAt"),
                epochSeconds(item, "authorityExpiresAt"));
    }

    private static Instant epochSeconds(Map<String, AttributeValue> item, String attribute) {
        return item.containsKey(attribute) ? Instant.ofEpochSecond(Long.parseLong(item.get(attribute).n())) : Instant.EPOCH;
    }

    private static AttributeValue strings(Set<String> values) {
        return AttributeValue.fromL(values.stream().sorted().map(AttributeValue::fromS).toList());
    }

    private static Set<String> strings(AttributeValue list) {
        Set<String> values = new HashSet<>();
        if (list != null && list.hasL()) {
            list.l().forEach(value -> values.add(value.s()));
        }
        return values;
    }
}
