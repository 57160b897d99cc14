package io.tessera.core.aws;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.util.Optional;

/**
 * The S3 presigner, with the same region, credentials and endpoint as the S3 client (the
 * endpoint override, when {@code AWS_ENDPOINT_URL} is set, also means path-style URLs).
 */
@Factory
class S3PresignerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    S3Presigner presigner(AwsCredentialsProviderChain credentials, AwsRegionProviderChain region,
                          @Value("${aws.endpoint.url:}") Optional<String> endpoint) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(region.getRegion())
                .credentialsProvider(credentials);
        endpoint.filter(url -> !url.isBlank()).ifPresent(url -> builder
                .endpointOverride(URI.create(url))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }
}
