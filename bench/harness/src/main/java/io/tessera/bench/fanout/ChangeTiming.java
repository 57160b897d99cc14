package io.tessera.bench.fanout;

/**
 * One order status change, timed from just before its {@code POST /orders/{id}/status} was sent.
 *
 * @param requestMillis until the POST was answered
 * @param firstMillis   until the first subscribed client of the tenant received the event
 * @param lastMillis    until the last one did (the figure)
 * @param missing       subscribed clients of the tenant that never received it (within the timeout)
 */
record ChangeTiming(int tenant, String orderId, String status, double requestMillis, double firstMillis, double lastMillis,
                    int missing) {
}
