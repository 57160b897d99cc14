package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AlarmsAndDashboardTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void everyDeadLetterAndFailureQueueAlarmsOnItsFirstMessage() {
        Stream.concat(TesseraResources.QUEUES.stream().map(TesseraResources.Queue::deadLetterName),
                        TesseraResources.STREAM_CONSUMERS.stream().map(TesseraResources.StreamConsumer::failureQueue))
                .distinct()
                .forEach(queue -> template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                        "AlarmName", queue + "-not-empty",
                        "MetricName", "ApproximateNumberOfMessagesVisible",
                        "Namespace", "AWS/SQS",
                        "Threshold", 1,
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold")));
    }

    @Test
    void everyFunctionAlarmsOnErrorsAndOnThrottles() {
        synthesized.json().resources("AWS::Lambda::Function").keySet().forEach(function -> {
            for (String metric : List.of("Errors", "Throttles")) {
                template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                        "Namespace", "AWS/Lambda",
                        "MetricName", metric,
                        "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function))),
                        "Threshold", 1));
            }
        });
    }

    @Test
    void streamConsumersAlarmWhenTheyFallFiveMinutesBehind() {
        TesseraResources.STREAM_CONSUMERS.forEach(consumer -> template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda",
                "MetricName", "IteratorAge",
                "Statistic", "Maximum",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", synthesized.functionId(EntryPoints.handlerOf(consumer.name()))))),
                "Threshold", Monitoring.MAX_ITERATOR_AGE.toMilliseconds())));
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopicWhichMailsTheConfiguredAddress() {
        String topic = synthesized.json().resources("AWS::SNS::Topic").keySet().iterator().next();
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("AlarmActions", List.of(Map.of("Ref", topic)))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", SynthesizedStack.ALARM_EMAIL, "TopicArn", Map.of("Ref", topic)));
    }

    @Test
    void oneDashboardShowsTheApisTheFunctionsAndTheDeadLetters() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = String.valueOf(TemplateJson.<Object>at(
                synthesized.json().resources("AWS::CloudWatch::Dashboard").values().iterator().next(), "Properties", "DashboardBody"));
        assertThat(body).contains("REST API requests and errors", "WebSocket connects and messages", "Lambda errors",
                "Stream consumers' iterator age", "Dead-letter and failure queues");
    }
}
