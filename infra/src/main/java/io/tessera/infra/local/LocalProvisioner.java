package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates every resource of {@link TesseraResources} in the emulator that {@code AWS_ENDPOINT_URL}
 * points at, seeds the demo tenant, and writes what the application needs to find them (pool and
 * client ids) plus the demo logins to an env file. Safe to run any number of times.
 *
 * <p>Usage: {@code LocalProvisioner <output.env>}
 */
public final class LocalProvisioner {

    private LocalProvisioner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LocalProvisioner <output.env>");
            System.exit(2);
        }
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            System.err.println("AWS_ENDPOINT_URL is not set. The provisioner is for the emulator; deploy to AWS with the CDK app.");
            System.exit(2);
        }
        ProvisioningOutput output = ProvisioningOutput.readOrEmpty(Path.of(args[0]));
        try (DynamoDbClient dynamoDb = DynamoDbClient.create();
             S3Client s3 = S3Client.builder().forcePathStyle(true).build();
             SqsClient sqs = SqsClient.create();
             SnsClient sns = SnsClient.create();
             EventBridgeClient eventBridge = EventBridgeClient.create();
             CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create();
             CognitoIdentityClient cognitoIdentity = CognitoIdentityClient.create();
             SecretsManagerClient secretsManager = SecretsManagerClient.create()) {

            new TablesProvisioner(dynamoDb).provision(TesseraResources.TABLES);
            new SecretsProvisioner(secretsManager).provision();
            MessagingProvisioner messaging = new MessagingProvisioner(eventBridge, sqs);
            messaging.provision(TesseraResources.QUEUES, TesseraResources.STREAM_CONSUMERS, TesseraResources.RULES);
            String uploadEvents = new TopicsProvisioner(sns, sqs).provision(TesseraResources.UPLOAD_EVENTS_TOPIC, TesseraResources.UPLOADS_BUCKET_NAME);
            new BucketProvisioner(s3).provision(TesseraResources.UPLOADS_BUCKET_NAME, uploadEvents);
            UserPoolProvisioner.UserPool pool = new UserPoolProvisioner(cognito).provision();
            output.put("COGNITO_USER_POOL_ID", pool.userPoolId());
            output.put("COGNITO_CLIENT_ID", pool.clientId());
            output.put("COGNITO_IDENTITY_POOL_ID", new IdentityPoolProvisioner(cognitoIdentity).provision(pool.userPoolId(), pool.clientId()));
            new DemoTenantSeeder(cognito, pool.userPoolId(), pool.clientId(), output).seed();
        }
        output.write();
        System.out.println(output.describe(endpoint));
    }
}
