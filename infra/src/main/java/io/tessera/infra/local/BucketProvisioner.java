package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/**
 * Creates the uploads bucket with CORS for browser uploads from local web apps, a lifecycle that
 * cleans up incomplete multipart uploads, and object-created notifications (under the uploads
 * prefix) to the upload events topic, which fans them out to the processors' queues. S3 sends the
 * topic an {@code s3:TestEvent} when the notifications are set; the processors skip it.
 */
final class BucketProvisioner {

    private final S3Client s3;

    BucketProvisioner(S3Client s3) {
        this.s3 = s3;
    }

    void provision(String bucket, String notificationTopicArn) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(request -> request.bucket(bucket));
            System.out.println("created bucket " + bucket);
        }
        s3.putBucketCors(request -> request.bucket(bucket).corsConfiguration(cors -> cors.corsRules(CORSRule.builder()
                .allowedMethods("GET", "PUT", "POST", "HEAD")
                .allowedOrigins("http://localhost:*", "http://127.0.0.1:*")
                .allowedHeaders("*")
                .exposeHeaders("ETag")
                .maxAgeSeconds(3000)
                .build())));
        s3.putBucketLifecycleConfiguration(request -> request.bucket(bucket).lifecycleConfiguration(lifecycle -> lifecycle
                .rules(LifecycleRule.builder()
                        .id("abort-incomplete-uploads")
                        .status(ExpirationStatus.ENABLED)
                        .filter(filter -> filter.prefix(TesseraResources.UPLOADS_PREFIX))
                        .abortIncompleteMultipartUpload(abort -> abort.daysAfterInitiation(1))
                        .build())));
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket).notificationConfiguration(notifications -> notifications
                .topicConfigurations(TopicConfiguration.builder()
                        .id("uploads-to-processors")
                        .topicArn(notificationTopicArn)
                        .events(Event.S3_OBJECT_CREATED)
                        // S3 takes the rule name in any case; moto only in lower case.
                        .filter(filter -> filter.key(key -> key.filterRules(FilterRule.builder()
                                .name("prefix").value(TesseraResources.UPLOADS_PREFIX).build())))
                        .build())));
    }
}
