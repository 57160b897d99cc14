package io.tessera.bench.analytics;

/**
 * One run of the aggregator over the benchmark's stream records, cut into batches of one size.
 *
 * @param handlerSeconds time spent inside the handler, summed over its batches
 * @param failedBatches  batches for which the handler reported a batch item failure
 * @param ordersCounted  orders the resulting aggregates hold (by status), to compare with the orders placed
 */
record Pass(int batchSize, int batches, WriteCounter.Counts counts, double handlerSeconds, int failedBatches, long ordersCounted) {
}
