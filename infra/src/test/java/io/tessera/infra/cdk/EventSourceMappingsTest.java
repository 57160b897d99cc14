package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which consumer reads which queue or stream, with what batch and retries, is compared with TesseraResources in the drift test. */
class EventSourceMappingsTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void everyQueueAndStreamConsumerHasOneMapping() {
        template.resourceCountIs("AWS::Lambda::EventSourceMapping",
                TesseraResources.QUEUES.size() + TesseraResources.STREAM_CONSUMERS.size());
    }

    /** Handlers are found by their mark, never by a name in a string: the stack's names must be the marked classes. */
    @Test
    @SuppressWarnings("unchecked")
    void everySourcesHandlerIsTheClassTheStreamProcessorsJarMarksForIt() throws Exception {
        LambdaJars jars = LambdaJars.fromBuild();
        try (URLClassLoader streamProcessors = new URLClassLoader(new URL[]{jars.streamProcessors().toUri().toURL()}, null)) {
            Map<String, Class<?>> marked = (Map<String, Class<?>>) streamProcessors.loadClass("io.tessera.core.resources.EventSourceHandlers")
                    .getMethod("onClassPath").invoke(null);
            Map<String, String> markedNames = new TreeMap<>();
            marked.forEach((source, handler) -> markedNames.put(source, handler.getName()));

            assertThat(markedNames).isEqualTo(new TreeMap<>(EntryPoints.handlersBySource()));
        }
        try (URLClassLoader realtime = new URLClassLoader(new URL[]{jars.realtime().toUri().toURL()}, null)) {
            assertThat(realtime.loadClass(EntryPoints.WEBSOCKET_HANDLER)).isNotNull();
            assertThat(realtime.loadClass(EntryPoints.CONNECT_AUTHORIZER)).isNotNull();
        }
    }

    @Test
    void everyMappingReportsPartialBatchFailures() {
        template.allResourcesProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"))));
    }

    @Test
    void streamConsumersRetryABoundedNumberOfTimesSplittingTheBatchThenHandTheRecordToTheirFailureQueue() {
        template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", Map.of(
                "MaximumRetryAttempts", Match.anyValue(),
                "BisectBatchOnFunctionError", true,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.anyValue()))), TesseraResources.STREAM_CONSUMERS.size());
    }

    @Test
    void streamConsumersReadEachShardInOrderFromTheOldestRecord() {
        template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", Map.of(
                "StartingPosition", "TRIM_HORIZON",
                "ParallelizationFactor", 1), TesseraResources.STREAM_CONSUMERS.size());
    }

    @Test
    void theAnalyticsConsumerGathersASecondOfRecordsWhileTheOutboxDoesNotWait() {
        template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", Map.of(
                "StartingPosition", "TRIM_HORIZON", "MaximumBatchingWindowInSeconds", 1), 1);
        assertThat(synthesized.json().resources("AWS::Lambda::EventSourceMapping").values().stream()
                .filter(mapping -> TemplateJson.at(mapping, "Properties", "StartingPosition") != null)
                .filter(mapping -> TemplateJson.at(mapping, "Properties", "MaximumBatchingWindowInSeconds") == null))
                .as("stream consumers without a batching window: the outbox").hasSize(1);
    }

    @Test
    void mappingsInvokeTheLiveAliasSoSnapStartApplies() {
        synthesized.json().resources("AWS::Lambda::EventSourceMapping").values().forEach(mapping -> {
            List<Object> parts = TemplateJson.at(mapping, "Properties", "FunctionName", "Fn::Join");
            assertThat(parts).as("FunctionName is the alias' qualified name").isNotNull();
            assertThat(((List<?>) parts.get(1)).get(1)).isEqualTo(":" + JavaFunction.ALIAS);
        });
    }

    @Test
    void consumersMayReadAndDeleteFromTheirQueueAndStreamConsumersMayReadTheStream() {
        TesseraResources.QUEUES.forEach(queue -> assertThat(actionsOf(EntryPoints.handlerOf(queue.name()))).contains("sqs:ReceiveMessage", "sqs:DeleteMessage"));
        TesseraResources.STREAM_CONSUMERS.forEach(consumer -> assertThat(actionsOf(EntryPoints.handlerOf(consumer.name())))
                .contains("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "sqs:SendMessage"));
    }

    private List<String> actionsOf(String handler) {
        String role = TemplateJson.target(TemplateJson.at(synthesized.json().resource(synthesized.functionId(handler)), "Properties", "Role"));
        return synthesized.json().resources("AWS::IAM::Policy").values().stream()
                .filter(policy -> TemplateJson.<List<Object>>at(policy, "Properties", "Roles").stream().anyMatch(r -> TemplateJson.target(r).equals(role)))
                .flatMap(policy -> TemplateJson.list(policy, "Properties", "PolicyDocument", "Statement").stream())
                .flatMap(statement -> statement.get("Action") instanceof List<?> actions
                        ? actions.stream().map(String.class::cast)
                        : Stream.of((String) statement.get("Action")))
                .toList();
    }
}
