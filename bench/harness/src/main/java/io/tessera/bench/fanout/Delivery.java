package io.tessera.bench.fanout;

/** An order message as one client received it: {@link System#nanoTime()} at its last fragment, and its text. */
record Delivery(long receivedNanos, String text) {
}
