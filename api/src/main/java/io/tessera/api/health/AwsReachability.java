package io.tessera.api.health;

import io.micronaut.context.annotation.Value;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/** Asks DynamoDB about the main table, with a short timeout, to tell whether AWS answers. */
@Singleton
class AwsReachability {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbClient dynamoDb;
    private final ResourcesConfiguration resources;
    private final String endpoint;

    AwsReachability(DynamoDbClient dynamoDb, ResourcesConfiguration resources,
                    @Value("${aws.endpoint.url:aws}") String endpoint) {
        this.dynamoDb = dynamoDb;
        this.resources = resources;
        this.endpoint = endpoint;
    }

    boolean reachable() {
        try {
            dynamoDb.describeTable(request -> request
                    .tableName(resources.getMainTable())
                    .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT)));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    String endpoint() {
        return endpoint;
    }
}
