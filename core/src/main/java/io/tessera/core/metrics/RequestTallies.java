package io.tessera.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST requests of a long-running process counted per tenant and route between two flushes, so
 * that a busy server writes one EMF line per tenant, route and second instead of one per request.
 * Counts are exact; latencies keep the first {@value #MAX_LATENCY_SAMPLES} samples of each period,
 * the most one EMF metric carries (CloudWatch "Embedded metric format specification").
 */
final class RequestTallies {

    static final int MAX_LATENCY_SAMPLES = 100;

    /** What one tenant and route answered since the last flush. */
    record Tally(Map<String, String> dimensions, int requests, int errors, int clientErrors, List<Double> latenciesMs) {
    }

    private final ConcurrentHashMap<Map<String, String>, Counter> counters = new ConcurrentHashMap<>();

    void add(Map<String, String> dimensions, int status, Duration latency) {
        // Inside compute, so that a drain (remove) never takes a counter while a request is being added to it.
        counters.compute(dimensions, (key, counter) -> {
            Counter counting = counter == null ? new Counter() : counter;
            counting.add(status, latency.toNanos() / 1e6);
            return counting;
        });
    }

    /** The tallies since the last call, each once; counting goes on meanwhile. */
    List<Tally> drain() {
        List<Tally> drained = new ArrayList<>();
        for (Map<String, String> dimensions : List.copyOf(counters.keySet())) {
            Counter counter = counters.remove(dimensions);
            if (counter != null) {
                drained.add(counter.tally(dimensions));
            }
        }
        return drained;
    }

    private static final class Counter {
        private int requests;
        private int errors;
        private int clientErrors;
        private final List<Double> latencies = new ArrayList<>();

        void add(int status, double latencyMs) {
            requests++;
            errors += status >= 500 ? 1 : 0;
            clientErrors += status >= 400 && status < 500 ? 1 : 0;
            if (latencies.size() < MAX_LATENCY_SAMPLES) {
                latencies.add(latencyMs);
            }
        }

        Tally tally(Map<String, String> dimensions) {
            return new Tally(dimensions, requests, errors, clientErrors, List.copyOf(latencies));
        }
    }
}
