package io.tessera.bench.fanout;

import java.util.List;

/**
 * The outcome of opening connections.
 *
 * @param opened       the clients whose handshake (and subscription, if asked) succeeded
 * @param failures     handshakes or subscriptions that failed
 * @param firstFailure what the first failure said, or null
 */
record Ramp(List<Client> opened, int failures, String firstFailure, double seconds) {
}
