package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alarms on what needs a person: a message in a dead-letter or failure queue, Lambda errors and
 * throttles, a stream consumer falling behind, the REST API answering 5xx or slowly, one tenant's
 * requests failing, messages dead-lettered and pushes dropped. They all notify one topic (mailed if
 * an address is configured), and each has a runbook line in the README. One dashboard shows the
 * same signals, Tessera's own per-tenant metrics (namespace {@value TenantMetricsSchema#NAMESPACE},
 * written as EMF lines by the functions) through CloudWatch Metrics Insights queries.
 */
final class Monitoring extends Construct {

    record Props(Functions functions, Messaging messaging, RestApi restApi, WebSocketStage webSocketStage, Optional<String> alarmEmail) {
    }

    private static final Duration PERIOD = Duration.minutes(5);
    static final double MAX_P99_LATENCY_MS = 1_000;
    /** 5xx answers of one tenant within a period that need a person. */
    static final double TENANT_ERRORS = 5;
    /** Pushes dropped within a period (gone or closed connections) beyond ordinary churn. */
    static final double PUSH_DROPS = 500;
    /** A stream consumer this far behind is no longer "real time" for the clients waiting on it. */
    static final Duration MAX_ITERATOR_AGE = Duration.minutes(5);

    private final SnsAction notify;

    Monitoring(Construct scope, String id, Props props) {
        super(scope, id);
        Topic alarms = Topic.Builder.create(this, "Alarms").topicName("tessera-alarms").displayName("Tessera alarms").build();
        props.alarmEmail().ifPresent(address -> alarms.addSubscription(new EmailSubscription(address)));
        notify = new SnsAction(alarms);

        props.messaging().deadLetterQueues().forEach(this::alarmOnDepth);
        props.functions().all().forEach(this::alarmOnErrorsAndThrottles);
        TesseraResources.STREAM_CONSUMERS.forEach(consumer -> alarmOnIteratorAge(props.functions().of(EntryPoints.handlerOf(consumer.name()))));
        alarm("RestApi5xx", "tessera-rest-api-5xx", "The REST API answered 5xx",
                props.restApi().metricServerError(sum()), 5);
        alarm("RestApiLatency", "tessera-rest-api-p99-latency", "The REST API's p99 latency is above a second",
                props.restApi().metricLatency(MetricOptions.builder().statistic("p99").period(PERIOD).build()), MAX_P99_LATENCY_MS);
        alarm("Tenant5xx", "tessera-tenant-5xx", "One tenant's requests failed with 5xx; its requests' log lines carry its tenantId",
                TenantMetricsSchema.worstTenant("Errors", PERIOD), TENANT_ERRORS);
        alarm("DeadLettered", "tessera-dead-lettered", "Messages failed their last receive and went to a dead-letter queue",
                TenantMetricsSchema.total("DeadLettered", "queue", PERIOD), 1);
        alarm("PushDrops", "tessera-push-drops", "Many pushes found their connection gone or closed",
                TenantMetricsSchema.total("PushesDropped", null, PERIOD), PUSH_DROPS);

        createDashboard(props);
    }

    private void alarmOnDepth(String name, Queue deadLetters) {
        alarm(Names.constructId(name) + "Depth", name + "-not-empty",
                "Messages failed for good and wait in this queue; fix the cause, then redrive them",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().statistic("Maximum").period(PERIOD).build()), 1);
    }

    private void alarmOnErrorsAndThrottles(JavaFunction function) {
        String id = function.getNode().getId();
        alarm(id + "Errors", "tessera-" + Names.kebab(id) + "-errors", "The " + id + " function failed invocations",
                function.function().metricErrors(sum()), 1);
        alarm(id + "Throttles", "tessera-" + Names.kebab(id) + "-throttles", "The " + id + " function was throttled",
                function.function().metricThrottles(sum()), 1);
    }

    private void alarmOnIteratorAge(JavaFunction consumer) {
        String id = consumer.getNode().getId();
        alarm(id + "IteratorAge", "tessera-" + Names.kebab(id) + "-iterator-age", "The " + id + " stream consumer is behind",
                consumer.function().metric("IteratorAge", MetricOptions.builder().statistic("Maximum").period(PERIOD).build()),
                MAX_ITERATOR_AGE.toMilliseconds().doubleValue());
    }

    private void alarm(String id, String name, String description, IMetric metric, double threshold) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
    }

    private void createDashboard(Props props) {
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(graph("REST API requests and errors", List.of(
                props.restApi().metricCount(sum()), props.restApi().metricClientError(sum()), props.restApi().metricServerError(sum()))));
        widgets.add(graph("REST API latency (p99)", List.of(
                props.restApi().metricLatency(MetricOptions.builder().statistic("p99").period(PERIOD).build()))));
        widgets.add(graph("WebSocket connects and messages", List.of(
                props.webSocketStage().metric("ConnectCount", sum()), props.webSocketStage().metric("MessageCount", sum()),
                props.webSocketStage().metric("IntegrationError", sum()))));
        widgets.add(graph("Lambda errors", props.functions().all().stream()
                .map(function -> (IMetric) function.function().metricErrors(sum())).toList()));
        widgets.add(graph("Lambda throttles", props.functions().all().stream()
                .map(function -> (IMetric) function.function().metricThrottles(sum())).toList()));
        widgets.add(graph("Lambda duration (p99)", props.functions().all().stream()
                .map(function -> (IMetric) function.function().metricDuration(MetricOptions.builder().statistic("p99").period(PERIOD).build()))
                .toList()));
        widgets.add(graph("Stream consumers' iterator age (max)", TesseraResources.STREAM_CONSUMERS.stream()
                .map(consumer -> (IMetric) props.functions().of(EntryPoints.handlerOf(consumer.name())).function()
                        .metric("IteratorAge", MetricOptions.builder().statistic("Maximum").period(PERIOD).build()))
                .toList()));
        widgets.add(graph("Requests by tenant (top 10)", List.of(TenantMetricsSchema.byTenant("Requests", PERIOD))));
        widgets.add(graph("5xx by tenant (top 10)", List.of(TenantMetricsSchema.byTenant("Errors", PERIOD))));
        widgets.add(graph("Latency by route (max, ms)", List.of(TenantMetricsSchema.byRoute("Latency", PERIOD))));
        widgets.add(graph("Orders by status", List.of(TenantMetricsSchema.byDimension("Orders", "status", PERIOD))));
        widgets.add(graph("Pushes sent and dropped", List.of(TenantMetricsSchema.total("PushesSent", null, PERIOD),
                TenantMetricsSchema.total("PushesDropped", null, PERIOD))));
        widgets.add(graph("Dead-lettered messages by queue", List.of(TenantMetricsSchema.byDimension("DeadLettered", "queue", PERIOD))));
        widgets.add(graph("Analytics write requests by tenant (top 10)", List.of(TenantMetricsSchema.byTenant("AnalyticsWriteRequests", PERIOD))));
        widgets.add(graph("Cold starts by function", List.of(TenantMetricsSchema.byDimension("ColdStart", "function", PERIOD))));
        widgets.add(graph("Dead-letter and failure queues (messages)", props.messaging().deadLetterQueues().values().stream()
                .map(queue -> (IMetric) queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().statistic("Maximum").period(PERIOD).build()))
                .toList()));
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName("tessera").build();
        for (int row = 0; row < widgets.size(); row += 2) {
            dashboard.addWidgets(widgets.subList(row, Math.min(row + 2, widgets.size())).toArray(IWidget[]::new));
        }
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).height(6).build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }
}
