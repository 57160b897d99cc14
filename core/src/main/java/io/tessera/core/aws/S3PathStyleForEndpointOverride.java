package io.tessera.core.aws;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * With an endpoint override ({@code AWS_ENDPOINT_URL}: the emulator or LocalStack) bucket names
 * cannot be host names, so the S3 client addresses buckets by path, as the presigner does.
 */
@Singleton
@Requires(property = "aws.endpoint.url")
class S3PathStyleForEndpointOverride implements BeanCreatedEventListener<S3ClientBuilder> {

    @Override
    public S3ClientBuilder onCreated(BeanCreatedEvent<S3ClientBuilder> event) {
        return event.getBean().forcePathStyle(true);
    }
}
