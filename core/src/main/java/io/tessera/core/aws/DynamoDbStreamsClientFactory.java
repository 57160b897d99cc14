package io.tessera.core.aws;

import io.micronaut.aws.sdk.v2.service.AWSServiceConfiguration;
import io.micronaut.aws.sdk.v2.service.AwsClientFactory;
import io.micronaut.aws.ua.UserAgentProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/** DynamoDB Streams client bean (micronaut-aws-sdk-v2 has none), built like micronaut-aws-sdk-v2 builds its own clients (region, credentials, HTTP client). */
@Factory
public class DynamoDbStreamsClientFactory
        extends AwsClientFactory<DynamoDbStreamsClientBuilder, DynamoDbStreamsAsyncClientBuilder, DynamoDbStreamsClient, DynamoDbStreamsAsyncClient> {

    protected DynamoDbStreamsClientFactory(AwsCredentialsProviderChain credentialsProvider,
                                       AwsRegionProviderChain regionProvider,
                                       @Nullable UserAgentProvider userAgentProvider,
                                       @Nullable @Named(DynamoDbStreamsClient.SERVICE_NAME) AWSServiceConfiguration configuration) {
        super(credentialsProvider, regionProvider, userAgentProvider, configuration);
    }

    @Override
    protected DynamoDbStreamsClientBuilder createSyncBuilder() {
        return DynamoDbStreamsClient.builder();
    }

    @Override
    protected DynamoDbStreamsAsyncClientBuilder createAsyncBuilder() {
        return DynamoDbStreamsAsyncClient.builder();
    }

    @Override
    @Singleton
    public DynamoDbStreamsClientBuilder syncBuilder(SdkHttpClient httpClient) {
        return super.syncBuilder(httpClient);
    }

    @Override
    @Bean(preDestroy = "close")
    @Singleton
    public DynamoDbStreamsClient syncClient(DynamoDbStreamsClientBuilder builder) {
        return super.syncClient(builder);
    }
}
