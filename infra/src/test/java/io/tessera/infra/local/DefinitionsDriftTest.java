package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import io.tessera.infra.cdk.SynthesizedStack;
import io.tessera.infra.cdk.TemplateJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigRequest;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source of truth: the CDK stack and the local provisioner both take their tables, queues,
 * rules, topics, subscriptions and consumers from TesseraResources, and set up the user pool and the uploads bucket the same way. Any difference
 * between the definitions, the template and what the provisioner creates fails here.
 */
class DefinitionsDriftTest {

    private static ResourceShapes.Synthesized stack;
    private static ResourceShapes.Provisioned local;
    private static RecordingAws aws;

    @BeforeAll
    static void synthesizeAndProvision() {
        stack = new ResourceShapes.Synthesized(SynthesizedStack.get().json());
        aws = new RecordingAws();
        new TablesProvisioner(aws.dynamoDb()).provision(TesseraResources.TABLES);
        new MessagingProvisioner(aws.eventBridge(), aws.sqs())
                .provision(TesseraResources.QUEUES, TesseraResources.STREAM_CONSUMERS, TesseraResources.RULES);
        String uploadEvents = new TopicsProvisioner(aws.sns(), aws.sqs())
                .provision(TesseraResources.UPLOAD_EVENTS_TOPIC, TesseraResources.UPLOADS_BUCKET_NAME);
        new BucketProvisioner(aws.s3()).provision(TesseraResources.UPLOADS_BUCKET_NAME, uploadEvents);
        new UserPoolProvisioner(aws.cognito()).provision();
        local = new ResourceShapes.Provisioned(aws);
    }

    @Test
    void theStackDeclaresExactlyTheDefinedTables() {
        assertThat(stack.tables()).isEqualTo(ResourceShapes.Defined.tables());
    }

    @Test
    void theLocalProvisionerCreatesExactlyTheDefinedTables() {
        assertThat(local.tables()).isEqualTo(ResourceShapes.Defined.tables());
    }

    @Test
    void theStackDeclaresExactlyTheDefinedQueuesWithTheirDeadLettersAndFailureQueues() {
        assertThat(stack.queues()).isEqualTo(ResourceShapes.Defined.queues());
    }

    @Test
    void theLocalProvisionerCreatesExactlyTheDefinedQueuesWithTheirDeadLettersAndFailureQueues() {
        assertThat(local.queues()).isEqualTo(ResourceShapes.Defined.queues());
    }

    @Test
    void theStackDeclaresExactlyTheDefinedRules() {
        assertThat(stack.rules()).isEqualTo(ResourceShapes.Defined.rules());
    }

    @Test
    void theLocalProvisionerPutsExactlyTheDefinedRules() {
        assertThat(local.rules()).isEqualTo(ResourceShapes.Defined.rules());
    }

    @Test
    void theStackFansOutExactlyTheDefinedTopicsToQueues() {
        assertThat(stack.topics()).isEqualTo(ResourceShapes.Defined.topics());
    }

    @Test
    void theLocalProvisionerCreatesExactlyTheDefinedTopics() {
        assertThat(local.topics()).isEqualTo(ResourceShapes.Defined.topics());
    }

    @Test
    void theStackSubscribesExactlyTheDefinedQueuesToEachTopicWithRawDelivery() {
        assertThat(stack.subscriptions()).isEqualTo(ResourceShapes.Defined.subscriptions());
    }

    @Test
    void theLocalProvisionerSubscribesExactlyTheDefinedQueuesToEachTopicWithRawDelivery() {
        assertThat(local.subscriptions()).isEqualTo(ResourceShapes.Defined.subscriptions());
    }

    @Test
    void theStacksEventSourceMappingsAreExactlyTheDefinedConsumers() {
        assertThat(stack.mappings()).isEqualTo(ResourceShapes.Defined.mappings());
    }

    @Test
    void theLocalUserPoolHasTheStacksNameTenantAttributeAndPasswordPolicy() {
        CreateUserPoolRequest pool = single(aws.requests(CreateUserPoolRequest.class));
        Map<String, Object> deployed = deployed("AWS::Cognito::UserPool");
        SchemaAttributeType tenantId = single(pool.schema());
        PasswordPolicyType password = pool.policies().passwordPolicy();

        assertThat(pool.poolName()).isEqualTo(deployed.get("UserPoolName"));
        assertThat(Map.of(
                "Name", tenantId.name(),
                "AttributeDataType", tenantId.attributeDataTypeAsString(),
                "Mutable", tenantId.mutable(),
                "StringAttributeConstraints", Map.of(
                        "MinLength", tenantId.stringAttributeConstraints().minLength(),
                        "MaxLength", tenantId.stringAttributeConstraints().maxLength())))
                .isEqualTo(single(TemplateJson.list(deployed, "Schema")));
        assertThat(Map.of(
                "MinimumLength", password.minimumLength(),
                "RequireLowercase", password.requireLowercase(),
                "RequireUppercase", password.requireUppercase(),
                "RequireNumbers", password.requireNumbers(),
                "RequireSymbols", password.requireSymbols(),
                "TemporaryPasswordValidityDays", password.temporaryPasswordValidityDays()))
                .isEqualTo(TemplateJson.at(deployed, "Policies", "PasswordPolicy"));
        assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly())
                .isEqualTo(TemplateJson.at(deployed, "AdminCreateUserConfig", "AllowAdminCreateUserOnly"));
    }

    @Test
    void theLocalUserPoolConfirmsSignUpsAndRecoversAccountsByEmailAndOffersTotpLikeTheStack() {
        CreateUserPoolRequest pool = single(aws.requests(CreateUserPoolRequest.class));
        SetUserPoolMfaConfigRequest mfa = single(aws.requests(SetUserPoolMfaConfigRequest.class));
        Map<String, Object> deployed = deployed("AWS::Cognito::UserPool");

        assertThat(pool.autoVerifiedAttributesAsStrings()).isEqualTo(deployed.get("AutoVerifiedAttributes"));
        assertThat(pool.accountRecoverySetting().recoveryMechanisms().stream()
                .map(mechanism -> Map.of("Name", mechanism.nameAsString(), "Priority", mechanism.priority())).toList())
                .isEqualTo(TemplateJson.at(deployed, "AccountRecoverySetting", "RecoveryMechanisms"));
        assertThat(pool.mfaConfigurationAsString()).isEqualTo(deployed.get("MfaConfiguration")).isEqualTo("OPTIONAL");
        assertThat(mfa.mfaConfigurationAsString()).isEqualTo(deployed.get("MfaConfiguration"));
        assertThat(mfa.softwareTokenMfaConfiguration().enabled() ? List.of("SOFTWARE_TOKEN_MFA") : List.of())
                .isEqualTo(deployed.get("EnabledMfas"));
    }

    @Test
    void theLocalUserPoolHasTheStacksGroups() {
        Set<Object> deployed = SynthesizedStack.get().json().resources("AWS::Cognito::UserPoolGroup").values().stream()
                .map(group -> TemplateJson.at(group, "Properties", "GroupName"))
                .collect(Collectors.toSet());
        assertThat(aws.requests(CreateGroupRequest.class).stream().map(CreateGroupRequest::groupName).collect(Collectors.toSet()))
                .isEqualTo(deployed);
    }

    @Test
    void theLocalAppClientHasTheStacksFlowsAndAttributes() {
        CreateUserPoolClientRequest client = single(aws.requests(CreateUserPoolClientRequest.class));
        Map<String, Object> deployed = deployed("AWS::Cognito::UserPoolClient");

        assertThat(client.clientName()).isEqualTo(deployed.get("ClientName"));
        assertThat(Set.copyOf(client.explicitAuthFlowsAsStrings())).isEqualTo(Set.copyOf(TemplateJson.<List<String>>at(deployed, "ExplicitAuthFlows")));
        assertThat(Set.copyOf(client.readAttributes())).isEqualTo(Set.copyOf(TemplateJson.<List<String>>at(deployed, "ReadAttributes")));
        assertThat(Set.copyOf(client.writeAttributes())).isEqualTo(Set.copyOf(TemplateJson.<List<String>>at(deployed, "WriteAttributes")));
        assertThat(client.generateSecret()).isEqualTo(deployed.get("GenerateSecret"));
        assertThat(client.preventUserExistenceErrorsAsString()).isEqualTo(deployed.get("PreventUserExistenceErrors"));
    }

    @Test
    void theLocalBucketNotifiesTheSameTopicOfTheSameObjectsAsTheStack() {
        TopicConfiguration notification = single(single(aws.requests(PutBucketNotificationConfigurationRequest.class))
                .notificationConfiguration().topicConfigurations());
        Map<String, Object> deployed = single(TemplateJson.list(deployed("AWS::S3::Bucket"), "NotificationConfiguration", "TopicConfigurations"));

        assertThat(notification.eventsAsStrings()).containsExactly((String) deployed.get("Event"));
        assertThat(notification.topicArn()).isEqualTo(RecordingAws.topicArn(
                (String) SynthesizedStack.get().json().propertyOf(deployed.get("Topic"), "TopicName")));
        FilterRule prefix = single(notification.filter().key().filterRules());
        assertThat(Map.of("Name", prefix.nameAsString(), "Value", prefix.value()))
                .isEqualTo(single(TemplateJson.list(deployed, "Filter", "S3Key", "Rules")));
    }

    @Test
    void theLocalBucketAbortsIncompleteUploadsLikeTheStack() {
        LifecycleRule rule = single(single(aws.requests(PutBucketLifecycleConfigurationRequest.class)).lifecycleConfiguration().rules());
        Map<String, Object> deployed = single(TemplateJson.list(deployed("AWS::S3::Bucket"), "LifecycleConfiguration", "Rules"));

        assertThat(rule.filter().prefix()).isEqualTo(deployed.get("Prefix"));
        assertThat(rule.abortIncompleteMultipartUpload().daysAfterInitiation())
                .isEqualTo(TemplateJson.at(deployed, "AbortIncompleteMultipartUpload", "DaysAfterInitiation"));
    }

    /** Only the origins differ: the emulator serves web apps on localhost, AWS the configured web origins. */
    @Test
    void theLocalBucketAllowsBrowserUploadsLikeTheStack() {
        CORSRule cors = single(single(aws.requests(PutBucketCorsRequest.class)).corsConfiguration().corsRules());
        Map<String, Object> deployed = single(TemplateJson.list(deployed("AWS::S3::Bucket"), "CorsConfiguration", "CorsRules"));

        assertThat(Map.of(
                "AllowedMethods", cors.allowedMethods(),
                "AllowedHeaders", cors.allowedHeaders(),
                "ExposedHeaders", cors.exposeHeaders(),
                "MaxAge", cors.maxAgeSeconds()))
                .isEqualTo(Map.of(
                        "AllowedMethods", deployed.get("AllowedMethods"),
                        "AllowedHeaders", deployed.get("AllowedHeaders"),
                        "ExposedHeaders", deployed.get("ExposedHeaders"),
                        "MaxAge", deployed.get("MaxAge")));
    }

    private static Map<String, Object> deployed(String type) {
        return TemplateJson.properties(single(List.copyOf(SynthesizedStack.get().json().resources(type).values())));
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
