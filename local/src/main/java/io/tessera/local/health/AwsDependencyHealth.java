package io.tessera.local.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Micronaut {@link HealthIndicator} for one AWS service the process needs: UP when every resource
 * of it that Tessera uses answers, DOWN (with the resource and AWS's message) otherwise. The calls
 * are the service's cheapest read of each resource, each with a short timeout.
 */
abstract class AwsDependencyHealth implements HealthIndicator {

    /** How long one check may take before its resource counts as not answering. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** One resource and the call that proves it answers (throws {@link SdkException} otherwise). */
    record Check(String resource, Runnable call) {
    }

    private final String name;

    AwsDependencyHealth(String name) {
        this.name = name;
    }

    /** The resources to check, each with its call. */
    abstract List<Check> checks();

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::check));
    }

    /** Calls every check, one after the other, on the calling thread. */
    HealthResult check() {
        Map<String, String> details = new LinkedHashMap<>();
        boolean up = true;
        for (Check check : checks()) {
            try {
                check.call().run();
                details.put(check.resource(), "UP");
            } catch (SdkException e) {
                up = false;
                details.put(check.resource(), "DOWN: " + e.getMessage());
            }
        }
        return HealthResult.builder(name, up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }
}
