package io.tessera.core.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tessera's per-tenant metrics (SPEC §11), each written at once as one CloudWatch Embedded Metric
 * Format line through Powertools' functional API ({@code Metrics.flushMetrics}, see "Metrics" in the
 * Powertools for AWS Lambda (Java) documentation) in namespace {@value #NAMESPACE}. In Lambda the line
 * goes to the function's log, where CloudWatch turns it into metrics; elsewhere it goes to standard
 * output (the EMF "Local" environment) and is also published as a {@link TenantMetric} event for the
 * process's own {@code /metrics}. Dimensions stay bounded: the tenant and one of route, status or
 * queue, never a user. A long-running process (not Lambda, where each invocation is one request and
 * may be frozen right after it) writes its REST requests once a second per tenant and route
 * ({@link RequestTallies}): a line per request would cost a busy server half its throughput.
 */
@Singleton
public class TenantMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(TenantMetrics.class);

    public static final String NAMESPACE = "Tessera";
    public static final String TENANT = "tenantId";
    /** The dimension value of work that belongs to no tenant (signup, platform administration, unreadable messages). */
    public static final String NO_TENANT = "none";

    static final Duration REQUEST_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final Metrics metrics;
    private final ApplicationEventPublisher<TenantMetric> published;
    private final RequestTallies requestTallies = new RequestTallies();
    private final Optional<ScheduledExecutorService> requestFlusher;

    TenantMetrics(ApplicationEventPublisher<TenantMetric> published) {
        // Outside Lambda, EMF's own detection would probe the EC2 metadata service and then send to a
        // CloudWatch agent socket; standard output is what a local run and its tests read.
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null && System.getenv("AWS_EMF_ENVIRONMENT") == null) {
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
        }
        this.metrics = MetricsFactory.getMetricsInstance();
        this.metrics.setNamespace(NAMESPACE);
        this.published = published;
        this.requestFlusher = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? Optional.empty()
                : Optional.of(Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tenant-metrics").factory()));
        requestFlusher.ifPresent(flusher -> flusher.scheduleWithFixedDelay(this::flushRequests,
                REQUEST_FLUSH_INTERVAL.toMillis(), REQUEST_FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * {@code ColdStart} by function, once, on the first invocation of a Lambda execution environment
     * (Powertools' {@code captureColdStartMetric}); nothing on later invocations.
     */
    public void coldStart(Context invocation) {
        metrics.captureColdStartMetric(invocation, DimensionSet.of("function", invocation.getFunctionName()));
    }

    /**
     * One answered REST request: {@code Requests}, {@code Errors} (5xx), {@code ClientErrors} (4xx)
     * and {@code Latency} (milliseconds), by tenant and route.
     *
     * @param route the method and matched route template, e.g. {@code GET:/orders/{orderId}} (Powertools
     *              refuses whitespace in dimension values)
     * @param status the HTTP status code answered
     */
    public void request(@Nullable String tenantId, String route, int status, Duration latency) {
        Map<String, String> dimensions = dimensions(tenantId, "route", route);
        if (requestFlusher.isPresent()) {
            requestTallies.add(dimensions, status, latency);
        } else {
            emit(requestLine(new RequestTallies.Tally(dimensions, 1, status >= 500 ? 1 : 0, status >= 400 && status < 500 ? 1 : 0,
                    List.of(latency.toNanos() / 1e6))));
        }
    }

    /** Writes what the requests since the last flush counted. */
    void flushRequests() {
        requestTallies.drain().forEach(tally -> emit(requestLine(tally)));
    }

    /** The last requests' line before the process ends. */
    @PreDestroy
    void close() {
        requestFlusher.ifPresent(ScheduledExecutorService::shutdown);
        flushRequests();
    }

    private static List<TenantMetric> requestLine(RequestTallies.Tally tally) {
        List<TenantMetric> line = new ArrayList<>(List.of(
                new TenantMetric("Requests", tally.requests(), false, tally.dimensions()),
                new TenantMetric("Errors", tally.errors(), false, tally.dimensions()),
                new TenantMetric("ClientErrors", tally.clientErrors(), false, tally.dimensions())));
        tally.latenciesMs().forEach(latency -> line.add(new TenantMetric("Latency", latency, true, tally.dimensions())));
        return line;
    }

    /** An order reached {@code status} (created orders count under their first status): {@code Orders} by tenant and status. */
    public void order(String tenantId, String status) {
        emit(List.of(new TenantMetric("Orders", 1, false, dimensions(tenantId, "status", status))));
    }

    /** One fan-out: {@code PushesSent} and {@code PushesDropped} (gone or closed connections) by tenant. */
    public void pushes(@Nullable String tenantId, int sent, int dropped) {
        Map<String, String> dimensions = dimensions(tenantId, null, null);
        emit(List.of(new TenantMetric("PushesSent", sent, false, dimensions),
                new TenantMetric("PushesDropped", dropped, false, dimensions)));
    }

    /** A message failed its last receive and goes to the dead-letter queue of {@code queue}: {@code DeadLettered} by tenant and queue. */
    public void deadLettered(@Nullable String tenantId, String queue) {
        emit(List.of(new TenantMetric("DeadLettered", 1, false, dimensions(tenantId, "queue", queue))));
    }

    /** DynamoDB write requests the analytics aggregator made for a tenant: {@code AnalyticsWriteRequests}. */
    public void analyticsWrites(String tenantId, int writeRequests) {
        emit(List.of(new TenantMetric("AnalyticsWriteRequests", writeRequests, false, dimensions(tenantId, null, null))));
    }

    private static Map<String, String> dimensions(@Nullable String tenantId, @Nullable String name, @Nullable String value) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(TENANT, tenantId == null ? NO_TENANT : tenantId);
        if (name != null) {
            dimensions.put(name, value);
        }
        return dimensions;
    }

    /** Measurements that share their dimensions, as one EMF line; a metric that cannot be written never fails the work it measures. */
    private void emit(List<TenantMetric> measurements) {
        try {
            metrics.flushMetrics(line -> {
                line.setNamespace(NAMESPACE);
                // As the only dimension set: EMF would otherwise add its own (LogGroup, ServiceName, ServiceType).
                line.setDefaultDimensions(DimensionSet.of(measurements.getFirst().dimensions()));
                measurements.forEach(m -> line.addMetric(m.name(), m.value(), m.milliseconds() ? MetricUnit.MILLISECONDS : MetricUnit.COUNT));
            });
            measurements.forEach(published::publishEvent);
        } catch (RuntimeException e) {
            LOG.warn("metric {} not written", measurements.getFirst().name(), e);
        }
    }
}
