package io.tessera.core.data;

import io.tessera.core.context.CallContext;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one listing that spans tenants: every tenant's profile, indexed under
 * {@link #TENANTS_PARTITION} for platform admins. Reading or changing one tenant's data goes
 * through {@link TenantItems} in a call context acting on that tenant.
 */
@Singleton
public class PlatformItems {

    /** The {@code gsi1} partition of tenant profiles. */
    public static final String TENANTS_PARTITION = "PLATFORM#TENANTS";

    /**
     * The {@code gsi2} partition of tenants whose signup awaits its confirmation, sorted by when they
     * signed up: a sparse index, since activation removes a profile's entry.
     */
    public static final String PENDING_SIGNUPS_PARTITION = "PLATFORM#PENDING_SIGNUPS";

    /** The platform's listings, the only index partitions a tenant's item may be in besides its own. */
    public static final Set<String> INDEX_PARTITIONS = Set.of(TENANTS_PARTITION, PENDING_SIGNUPS_PARTITION);

    private static final TesseraResources.Index INDEX = TesseraResources.MAIN_TABLE.indexes().getFirst();
    private static final TesseraResources.Index PENDING_INDEX = TesseraResources.MAIN_TABLE.indexes().get(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final PageCursors cursors;

    PlatformItems(DynamoDbClient dynamoDb, ResourcesConfiguration resources, PageCursors cursors) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getMainTable();
        this.cursors = cursors;
    }

    public Page<EnhancedDocument> tenantProfiles(PageRequest page) {
        String caller = CallContext.current().map(CallContext::userId).orElse("-");
        String binding = INDEX.name() + "|" + TENANTS_PARTITION + "|caller=" + caller;
        Map<String, AttributeValue> startKey = cursors.decode(binding, page.cursor());
        QueryResponse response = dynamoDb.query(request -> request
                .tableName(table)
                .indexName(INDEX.name())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", INDEX.partitionKey()))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TENANTS_PARTITION)))
                .limit(page.limit())
                .exclusiveStartKey(startKey));
        return new Page<>(response.items().stream().map(EnhancedDocument::fromAttributeValueMap).toList(),
                cursors.encode(binding, response.lastEvaluatedKey()));
    }

    /** The ids of up to {@code limit} tenants that signed up before {@code cutoff} and are still awaiting confirmation, oldest first. */
    public List<String> pendingSignupsBefore(Instant cutoff, int limit) {
        return dynamoDb.query(request -> request
                        .tableName(table)
                        .indexName(PENDING_INDEX.name())
                        .keyConditionExpression("#pk = :pk AND #sk < :cutoff")
                        .expressionAttributeNames(Map.of("#pk", PENDING_INDEX.partitionKey(), "#sk", PENDING_INDEX.sortKey()))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(PENDING_SIGNUPS_PARTITION),
                                ":cutoff", AttributeValue.fromS(cutoff.toString())))
                        .limit(limit))
                .items().stream()
                .map(item -> item.get("tenantId").s())
                .toList();
    }
}
