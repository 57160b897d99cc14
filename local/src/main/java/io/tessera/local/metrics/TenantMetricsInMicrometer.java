package io.tessera.local.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tessera.core.metrics.TenantMetric;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * The local process's view of Tessera's EMF metrics at {@code GET /metrics}: each
 * {@link TenantMetric} lands in Micrometer as {@code tessera.<name>} (a counter, or a timer for
 * durations) with the same dimensions as tags, e.g. {@code GET /metrics/tessera.Orders?tag=status:placed}.
 */
@Singleton
class TenantMetricsInMicrometer {

    private final MeterRegistry registry;

    TenantMetricsInMicrometer(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void record(TenantMetric metric) {
        Tags tags = Tags.of(metric.dimensions().entrySet().stream()
                .map(dimension -> Tag.of(dimension.getKey(), dimension.getValue()))
                .toList());
        String name = "tessera." + metric.name();
        if (metric.milliseconds()) {
            registry.timer(name, tags).record((long) (metric.value() * 1_000_000), TimeUnit.NANOSECONDS);
        } else {
            registry.counter(name, tags).increment(metric.value());
        }
    }
}
