package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources.Index;
import io.tessera.core.resources.TesseraResources.Table;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates each table with its keys, indexes, stream and TTL; adds indexes that a newer definition has. */
final class TablesProvisioner {

    private final DynamoDbClient dynamoDb;

    TablesProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    void provision(List<Table> tables) {
        tables.forEach(this::provision);
    }

    private void provision(Table table) {
        Optional<TableDescription> existing = describe(table.name());
        if (existing.isEmpty()) {
            create(table);
        } else {
            addMissingIndexes(table, existing.get());
        }
        table.ttlAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(request -> request
                .tableName(table.name())
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(attribute))));
    }

    private void create(Table table) {
        dynamoDb.createTable(request -> {
            request.tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributeDefinitions(table))
                    .keySchema(keySchema(table.partitionKey(), table.sortKey()));
            if (!table.indexes().isEmpty()) {
                request.globalSecondaryIndexes(table.indexes().stream().map(TablesProvisioner::index).toList());
            }
            if (table.stream()) {
                request.streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table.name()));
        System.out.println("created table " + table.name());
    }

    private void addMissingIndexes(Table table, TableDescription existing) {
        Set<String> present = new LinkedHashSet<>();
        if (existing.hasGlobalSecondaryIndexes()) {
            existing.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).forEach(present::add);
        }
        for (Index index : table.indexes()) {
            if (!present.contains(index.name())) {
                dynamoDb.updateTable(request -> request
                        .tableName(table.name())
                        .attributeDefinitions(attributeDefinitions(table))
                        .globalSecondaryIndexUpdates(update -> update.create(create -> create
                                .indexName(index.name())
                                .keySchema(keySchema(index.partitionKey(), Optional.of(index.sortKey())))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))));
                System.out.println("added index " + index.name() + " to " + table.name());
            }
        }
    }

    private Optional<TableDescription> describe(String name) {
        try {
            return Optional.of(dynamoDb.describeTable(request -> request.tableName(name)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static GlobalSecondaryIndex index(Index index) {
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), Optional.of(index.sortKey())))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static List<AttributeDefinition> attributeDefinitions(Table table) {
        Set<String> names = new LinkedHashSet<>();
        names.add(table.partitionKey());
        table.sortKey().ifPresent(names::add);
        table.indexes().forEach(index -> {
            names.add(index.partitionKey());
            names.add(index.sortKey());
        });
        return names.stream()
                .map(name -> AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                .toList();
    }

    private static List<KeySchemaElement> keySchema(String partitionKey, Optional<String> sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        sortKey.ifPresent(key -> keys.add(KeySchemaElement.builder().attributeName(key).keyType(KeyType.RANGE).build()));
        return keys;
    }
}
