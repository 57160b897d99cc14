package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue names, redrive, rules' patterns and targets are compared with TesseraResources in the drift test. */
class MessagingTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void theTesseraEventBusExists() {
        template.resourceCountIs("AWS::Events::EventBus", 1);
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", TesseraResources.EVENT_BUS));
    }

    @Test
    void everyQueueIsEncryptedAndRefusesRequestsWithoutTls() {
        template.allResourcesProperties("AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true)));
        int queues = synthesized.json().resources("AWS::SQS::Queue").size();
        template.resourcePropertiesCountIs("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))), queues);
    }

    @Test
    void deadLettersWaitFourteenDaysForARedrive() {
        List<String> deadLetterNames = synthesized.json().resources("AWS::SQS::Queue").values().stream()
                .filter(queue -> Integer.valueOf(14 * 24 * 3600).equals(TemplateJson.at(queue, "Properties", "MessageRetentionPeriod")))
                .map(queue -> (String) TemplateJson.at(queue, "Properties", "QueueName"))
                .toList();
        assertThat(deadLetterNames).containsExactlyInAnyOrderElementsOf(Stream.concat(
                TesseraResources.QUEUES.stream().map(TesseraResources.Queue::deadLetterName),
                TesseraResources.STREAM_CONSUMERS.stream().map(TesseraResources.StreamConsumer::failureQueue).distinct()).toList());
    }

    /** The bus's rules: those with an event pattern (the others are schedules, which invoke functions). */
    private Map<String, Map<String, Object>> busRules() {
        Map<String, Map<String, Object>> rules = new TreeMap<>(synthesized.json().resources("AWS::Events::Rule"));
        rules.values().removeIf(rule -> TemplateJson.<Object>at(rule, "Properties", "EventPattern") == null);
        assertThat(rules).hasSize(TesseraResources.RULES.size());
        return rules;
    }

    @Test
    void onlyEachRuleMaySendToItsTargetQueue() {
        busRules().forEach((ruleId, rule) -> {
            Object queueArn = TemplateJson.list(rule, "Properties", "Targets").get(0).get("Arn");
            template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                    "Queues", List.of(Map.of("Ref", TemplateJson.target(queueArn))),
                    "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "events.amazonaws.com"),
                            "Action", List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                            "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of(ruleId, "Arn")))))))))));
        });
    }

    @Test
    void rulesListenOnTheTesseraBus() {
        String busId = synthesized.json().resources("AWS::Events::EventBus").keySet().iterator().next();
        busRules().values().forEach(rule -> assertThat(TemplateJson.<Object>at(rule, "Properties", "EventBusName")).isEqualTo(Map.of("Ref", busId)));
    }

    private String uploadEventsTopicId() {
        return synthesized.json().resources("AWS::SNS::Topic").entrySet().stream()
                .filter(topic -> TesseraResources.UPLOAD_EVENTS_TOPIC_NAME.equals(TemplateJson.at(topic.getValue(), "Properties", "TopicName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void theUploadEventsTopicDeliversRawToEachProcessorsQueueAndRefusesPublishingWithoutTls() {
        String topicId = uploadEventsTopicId();
        List<String> subscribed = synthesized.json().resources("AWS::SNS::Subscription").values().stream()
                .filter(subscription -> Map.of("Ref", topicId).equals(TemplateJson.at(subscription, "Properties", "TopicArn")))
                .peek(subscription -> assertThat(TemplateJson.<Object>at(subscription, "Properties", "Protocol")).isEqualTo("sqs"))
                .peek(subscription -> assertThat(TemplateJson.<Object>at(subscription, "Properties", "RawMessageDelivery")).isEqualTo(true))
                .map(subscription -> (String) synthesized.json().propertyOf(TemplateJson.at(subscription, "Properties", "Endpoint"), "QueueName"))
                .toList();

        assertThat(subscribed).containsExactlyInAnyOrder(TesseraResources.UPLOADS_QUEUE_NAME, TesseraResources.UPLOAD_MEDIA_QUEUE_NAME);
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(Map.of("Ref", topicId)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Action", "sns:Publish",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void onlyTheUploadEventsTopicMaySendToTheProcessorsQueues() {
        String topicId = uploadEventsTopicId();
        for (TesseraResources.Queue queue : TesseraResources.UPLOAD_EVENTS_TOPIC.subscribers()) {
            String queueId = synthesized.json().resources("AWS::SQS::Queue").entrySet().stream()
                    .filter(candidate -> queue.name().equals(TemplateJson.at(candidate.getValue(), "Properties", "QueueName")))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                    "Queues", List.of(Map.of("Ref", queueId)),
                    "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "sns.amazonaws.com"),
                            "Action", "sqs:SendMessage",
                            "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", Map.of("Ref", topicId))))))))));
        }
    }
}
