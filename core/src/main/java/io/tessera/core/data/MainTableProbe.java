package io.tessera.core.data;

import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/** Asks DynamoDB about the main table, with a short timeout: does AWS (or the emulator) answer? */
@Singleton
public class MainTableProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbClient dynamoDb;
    private final String table;

    MainTableProbe(DynamoDbClient dynamoDb, ResourcesConfiguration resources) {
        this.dynamoDb = dynamoDb;
        this.table = resources.getMainTable();
    }

    public boolean answers() {
        try {
            dynamoDb.describeTable(request -> request
                    .tableName(table)
                    .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT)));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }
}
