package io.tessera.local.health;

import io.micronaut.management.health.indicator.annotation.Readiness;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.stream.Stream;

/** Readiness of DynamoDB: {@code DescribeTable} of the main, connections and analytics tables. */
@Singleton
@Readiness
class DynamoDbHealth extends AwsDependencyHealth {

    private final DynamoDbClient dynamoDb;
    private final List<String> tables;

    DynamoDbHealth(DynamoDbClient dynamoDb, ResourcesConfiguration resources) {
        super("dynamodb");
        this.dynamoDb = dynamoDb;
        this.tables = Stream.of(resources.getMainTable(), resources.getConnectionsTable(), resources.getAnalyticsTable()).toList();
    }

    @Override
    List<Check> checks() {
        return tables.stream().map(table -> new Check(table, () -> dynamoDb.describeTable(request -> request.tableName(table)
                .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT))))).toList();
    }
}
