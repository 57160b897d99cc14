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
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClientBuilder;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClientBuilder;

/** Cognito identity-pool client bean, built like micronaut-aws-sdk-v2 builds its own clients (region, credentials, HTTP client). */
@Factory
public class CognitoIdentityClientFactory
        extends AwsClientFactory<CognitoIdentityClientBuilder, CognitoIdentityAsyncClientBuilder, CognitoIdentityClient, CognitoIdentityAsyncClient> {

    protected CognitoIdentityClientFactory(AwsCredentialsProviderChain credentialsProvider,
                                       AwsRegionProviderChain regionProvider,
                                       @Nullable UserAgentProvider userAgentProvider,
                                       @Nullable @Named(CognitoIdentityClient.SERVICE_NAME) AWSServiceConfiguration configuration) {
        super(credentialsProvider, regionProvider, userAgentProvider, configuration);
    }

    @Override
    protected CognitoIdentityClientBuilder createSyncBuilder() {
        return CognitoIdentityClient.builder();
    }

    @Override
    protected CognitoIdentityAsyncClientBuilder createAsyncBuilder() {
        return CognitoIdentityAsyncClient.builder();
    }

    @Override
    @Singleton
    public CognitoIdentityClientBuilder syncBuilder(SdkHttpClient httpClient) {
        return super.syncBuilder(httpClient);
    }

    @Override
    @Bean(preDestroy = "close")
    @Singleton
    public CognitoIdentityClient syncClient(CognitoIdentityClientBuilder builder) {
        return super.syncClient(builder);
    }
}
