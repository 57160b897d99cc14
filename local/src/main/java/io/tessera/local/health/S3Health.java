package io.tessera.local.health;

import io.micronaut.management.health.indicator.annotation.Readiness;
import io.tessera.core.resources.ResourcesConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;

/** Readiness of S3: {@code HeadBucket} of the uploads bucket. */
@Singleton
@Readiness
class S3Health extends AwsDependencyHealth {

    private final S3Client s3;
    private final String bucket;

    S3Health(S3Client s3, ResourcesConfiguration resources) {
        super("s3");
        this.s3 = s3;
        this.bucket = resources.getUploadsBucket();
    }

    @Override
    List<Check> checks() {
        return List.of(new Check(bucket, () -> s3.headBucket(request -> request
                .bucket(bucket)
                .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT)))));
    }
}
