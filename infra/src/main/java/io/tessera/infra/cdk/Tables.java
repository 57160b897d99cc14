package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of {@link TesseraResources#TABLES}: on-demand, point-in-time recovery, deletion
 * protection, kept when the stack is deleted. Keys, indexes, TTL and streams come from the definitions.
 */
final class Tables extends Construct {

    private final Map<String, Table> byName = new LinkedHashMap<>();

    Tables(Construct scope, String id, List<TesseraResources.Table> definitions) {
        super(scope, id);
        definitions.forEach(definition -> byName.put(definition.name(), create(definition)));
    }

    Table of(TesseraResources.Table definition) {
        Table table = byName.get(definition.name());
        if (table == null) {
            throw new IllegalArgumentException("no table " + definition.name() + " in this stack");
        }
        return table;
    }

    private Table create(TesseraResources.Table definition) {
        Table.Builder builder = Table.Builder.create(this, Names.constructId(definition.name()))
                .tableName(definition.name())
                .partitionKey(stringKey(definition.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN);
        definition.sortKey().ifPresent(sortKey -> builder.sortKey(stringKey(sortKey)));
        definition.ttlAttribute().ifPresent(builder::timeToLiveAttribute);
        if (definition.stream()) {
            builder.stream(StreamViewType.NEW_AND_OLD_IMAGES);
        }
        Table table = builder.build();
        definition.indexes().forEach(index -> table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(index.name())
                .partitionKey(stringKey(index.partitionKey()))
                .sortKey(stringKey(index.sortKey()))
                .projectionType(ProjectionType.ALL)
                .build()));
        return table;
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
