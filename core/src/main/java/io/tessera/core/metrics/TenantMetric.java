package io.tessera.core.metrics;

import java.util.Map;

/**
 * One measurement, as {@link TenantMetrics} writes it in CloudWatch Embedded Metric Format and
 * publishes it to the running process (for Micrometer's {@code /metrics} locally).
 *
 * @param name       the CloudWatch metric name, e.g. {@code Requests}
 * @param value      a count, or milliseconds when {@code milliseconds} is set
 * @param milliseconds whether {@code value} is a duration in milliseconds rather than a count
 * @param dimensions the CloudWatch dimensions, at most tenant plus one more (route, status, queue)
 */
public record TenantMetric(String name, double value, boolean milliseconds, Map<String, String> dimensions) {

    public TenantMetric {
        dimensions = Map.copyOf(dimensions);
    }
}
