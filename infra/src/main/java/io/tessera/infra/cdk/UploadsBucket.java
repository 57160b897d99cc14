package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;
import software.constructs.IDependable;

import java.util.List;
import java.util.Map;

/**
 * The uploads bucket: private, encrypted, TLS only, CORS for browser uploads from the web origins,
 * and object-created notifications (under the uploads prefix) to the upload events topic, which fans
 * them out to one queue per processor.
 *
 * <p>Bucket names are global, so the name carries the account and region rather than being the
 * fixed local one; functions get it from their environment. Because the name is known before the
 * bucket exists, the topic's policy can name the bucket and the notification can be part of the
 * bucket itself, with no custom resource (and no broad IAM role) to configure it afterwards.
 */
final class UploadsBucket extends Construct {

    private final Bucket bucket;

    UploadsBucket(Construct scope, String id, List<String> webOrigins, ITopic notifications) {
        super(scope, id);
        String bucketName = Fn.join("-", List.of(TesseraResources.UPLOADS_BUCKET_NAME, Aws.ACCOUNT_ID, Aws.REGION));
        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .cors(List.of(CorsRule.builder()
                        .allowedOrigins(webOrigins)
                        .allowedMethods(List.of(HttpMethods.GET, HttpMethods.PUT, HttpMethods.POST, HttpMethods.HEAD))
                        .allowedHeaders(List.of("*"))
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3000)
                        .build()))
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("abort-incomplete-uploads")
                        .prefix(TesseraResources.UPLOADS_PREFIX)
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        notifyOnObjectCreated(bucketName, notifications);
    }

    Bucket bucket() {
        return bucket;
    }

    private void notifyOnObjectCreated(String bucketName, ITopic notifications) {
        IDependable publishPermission = notifications.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ObjectCreatedNotifications")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("s3.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(notifications.getTopicArn()))
                .conditions(Map.of(
                        "ArnEquals", Map.of("aws:SourceArn", Fn.join("", List.of("arn:", Aws.PARTITION, ":s3:::", bucketName))),
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build()).getPolicyDependable();
        CfnBucket cfnBucket = (CfnBucket) bucket.getNode().getDefaultChild();
        cfnBucket.setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .topicConfigurations(List.of(CfnBucket.TopicConfigurationProperty.builder()
                        .event("s3:ObjectCreated:*")
                        .topic(notifications.getTopicArn())
                        .filter(CfnBucket.NotificationFilterProperty.builder()
                                .s3Key(CfnBucket.S3KeyFilterProperty.builder()
                                        .rules(List.of(CfnBucket.FilterRuleProperty.builder()
                                                .name("prefix")
                                                .value(TesseraResources.UPLOADS_PREFIX)
                                                .build()))
                                        .build())
                                .build())
                        .build()))
                .build());
        // S3 checks that it may publish to the topic when the notification is configured.
        bucket.getNode().addDependency(publishPermission);
    }
}
