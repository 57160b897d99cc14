package io.tessera.bench.fanout;

/**
 * What the clients received, checked against which tenant each order belongs to.
 *
 * @param crossTenant deliveries of another tenant's order (must be 0)
 * @param unknown     deliveries of an order this benchmark did not place
 * @param duplicates  deliveries of an event the same client had already received
 */
record Isolation(long deliveries, long expected, long crossTenant, long unknown, long duplicates) {
}
