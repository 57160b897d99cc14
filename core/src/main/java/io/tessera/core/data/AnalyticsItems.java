package io.tessera.core.data;

import io.tessera.core.context.CurrentTenant;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The current tenant's items in the analytics table, keyed like the main table and reached, like
 * it, only through the current call's tenant ({@link TenantTable}).
 */
@Singleton
public class AnalyticsItems extends TenantTable {

    AnalyticsItems(DynamoDbClient dynamoDb, ResourcesConfiguration resources, CurrentTenant currentTenant) {
        super(dynamoDb, resources.getAnalyticsTable(), TesseraResources.ANALYTICS_TABLE.partitionKey(),
                TesseraResources.ANALYTICS_TABLE.sortKey().orElseThrow(), currentTenant);
    }
}
