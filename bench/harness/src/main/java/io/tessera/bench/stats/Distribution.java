package io.tessera.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Order statistics of a set of measurements, by the nearest-rank method: the p-th percentile is
 * the smallest value with at least p% of the values at or below it (so with 20 values the p99 is
 * the largest one). Values keep the unit they were measured in.
 */
public record Distribution(int count, double min, double median, double p99, double max) {

    public static Distribution of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        return new Distribution(sorted.size(), sorted.getFirst(), percentile(sorted, 50), percentile(sorted, 99), sorted.getLast());
    }

    private static double percentile(List<Double> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
