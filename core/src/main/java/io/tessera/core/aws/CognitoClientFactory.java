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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/** Cognito user-pool client bean, built like micronaut-aws-sdk-v2 builds its own clients (region, credentials, HTTP client). */
@Factory
public class CognitoClientFactory
        extends AwsClientFactory<CognitoIdentityProviderClientBuilder, CognitoIdentityProviderAsyncClientBuilder, CognitoIdentityProviderClient, CognitoIdentityProviderAsyncClient> {

    protected CognitoClientFactory(AwsCredentialsProviderChain credentialsProvider,
                                       AwsRegionProviderChain regionProvider,
                                       @Nullable UserAgentProvider userAgentProvider,
                                       @Nullable @Named(CognitoIdentityProviderClient.SERVICE_NAME) AWSServiceConfiguration configuration) {
        super(credentialsProvider, regionProvider, userAgentProvider, configuration);
    }

    @Override
    protected CognitoIdentityProviderClientBuilder createSyncBuilder() {
        return CognitoIdentityProviderClient.builder();
    }

    @Override
    protected CognitoIdentityProviderAsyncClientBuilder createAsyncBuilder() {
        return CognitoIdentityProviderAsyncClient.builder();
    }

    @Override
    @Singleton
    public CognitoIdentityProviderClientBuilder syncBuilder(SdkHttpClient httpClient) {
        return super.syncBuilder(httpClient);
    }

    @Override
    @Bean(preDestroy = "close")
    @Singleton
    public CognitoIdentityProviderClient syncClient(CognitoIdentityProviderClientBuilder builder) {
        return super.syncClient(builder);
    }
}
