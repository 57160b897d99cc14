package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UploadsBucketTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void theBucketBlocksAllPublicAccessAndEncryptsAtRest() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
    }

    @Test
    void theBucketRefusesRequestsWithoutTls() {
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void browsersMayUploadAndDownloadFromTheConfiguredWebOriginsOnly() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("CorsConfiguration", Map.of("CorsRules", List.of(Map.of(
                "AllowedOrigins", SynthesizedStack.WEB_ORIGINS,
                "AllowedMethods", List.of("GET", "PUT", "POST", "HEAD"),
                "AllowedHeaders", List.of("*"),
                "ExposedHeaders", List.of("ETag"),
                "MaxAge", 3000)))));
    }

    @Test
    void incompleteMultipartUploadsAreAbortedAfterADay() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1),
                "Prefix", TesseraResources.UPLOADS_PREFIX,
                "Status", "Enabled"))))));
    }

    @Test
    void objectsCreatedUnderTheUploadsPrefixNotifyTheUploadEventsTopicOnly() {
        Map<String, Object> bucket = onlyBucket();
        List<Map<String, Object>> notifications = TemplateJson.list(bucket, "Properties", "NotificationConfiguration", "TopicConfigurations");

        assertThat(notifications).hasSize(1);
        assertThat(TemplateJson.list(bucket, "Properties", "NotificationConfiguration", "QueueConfigurations")).isEmpty();
        assertThat(notifications.get(0).get("Event")).isEqualTo("s3:ObjectCreated:*");
        assertThat(synthesized.json().propertyOf(notifications.get(0).get("Topic"), "TopicName")).isEqualTo(TesseraResources.UPLOAD_EVENTS_TOPIC_NAME);
        assertThat(TemplateJson.<Object>at(notifications.get(0), "Filter", "S3Key", "Rules"))
                .isEqualTo(List.of(Map.of("Name", "prefix", "Value", TesseraResources.UPLOADS_PREFIX)));
    }

    @Test
    void onlyS3OnBehalfOfThisBucketInThisAccountMayPublishToTheUploadEventsTopic() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "s3.amazonaws.com"),
                        "Action", "sns:Publish",
                        "Condition", Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", Match.anyValue()),
                                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))))))));
    }

    @Test
    void theBucketExistsBeforeS3IsAskedToNotifyTheTopic() {
        List<String> dependsOn = TemplateJson.at(onlyBucket(), "DependsOn");
        assertThat(dependsOn).anySatisfy(id ->
                assertThat(synthesized.json().resource(id).get("Type")).isEqualTo("AWS::SNS::TopicPolicy"));
    }

    @Test
    void theBucketNameIsUniquePerAccountAndRegionAndReachesTheFunctions() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("BucketName", Map.of("Fn::Join", List.of("-", List.of(
                TesseraResources.UPLOADS_BUCKET_NAME, Map.of("Ref", "AWS::AccountId"), Map.of("Ref", "AWS::Region"))))));
        String bucketId = synthesized.json().resources("AWS::S3::Bucket").keySet().iterator().next();
        template.allResourcesProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "TESSERA_RESOURCES_UPLOADS_BUCKET", Map.of("Ref", bucketId))))));
    }

    @Test
    void theBucketOutlivesTheStack() {
        template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    private Map<String, Object> onlyBucket() {
        Map<String, Map<String, Object>> buckets = synthesized.json().resources("AWS::S3::Bucket");
        assertThat(buckets).hasSize(1);
        return buckets.values().iterator().next();
    }
}
