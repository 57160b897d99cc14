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
        String topic = synthesized.json().resources("AWS::SNS::Topic").entrySet().stream()
                .filter(candidate -> "tessera-alarms".equals(TemplateJson.at(candidate.getValue(), "Properties", "TopicName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
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

    @Test
    void theDashboardShowsTesserasPerTenantMetricsFromTheirEmfNamespace() {
        String body = String.valueOf(TemplateJson.<Object>at(
                synthesized.json().resources("AWS::CloudWatch::Dashboard").values().iterator().next(), "Properties", "DashboardBody"));
        for (String metric : List.of("Requests", "Errors", "Orders", "PushesSent", "PushesDropped", "DeadLettered",
                "AnalyticsWriteRequests", "ColdStart")) {
            assertThat(body).contains("SELECT SUM(" + metric + ")");
        }
        assertThat(body).contains("SELECT MAX(Latency)", "GROUP BY tenantId", "GROUP BY route", "GROUP BY status");
    }

    @Test
    void oneTenantsFailuresDeadLettersAndPushDropsEachRaiseAnAlarmOnTesserasOwnMetrics() {
        Map<String, String> queries = Map.of(
                "tessera-tenant-5xx", "SELECT SUM(Errors) FROM SCHEMA(\"Tessera\", route, tenantId) GROUP BY tenantId ORDER BY SUM() DESC LIMIT 1",
                "tessera-dead-lettered", "SELECT SUM(DeadLettered) FROM SCHEMA(\"Tessera\", queue, tenantId)",
                "tessera-push-drops", "SELECT SUM(PushesDropped) FROM SCHEMA(\"Tessera\", tenantId)");
        queries.forEach((alarm, query) -> template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", alarm,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", query, "Period", 300))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "tessera-rest-api-p99-latency",
                "Namespace", "AWS/ApiGateway",
                "MetricName", "Latency",
                "ExtendedStatistic", "p99",
                "Threshold", Monitoring.MAX_P99_LATENCY_MS));
    }
}
