package io.tessera.e2e.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits for asynchronous outcomes (an order written by the order creator) without fixed sleeps. */
public final class Eventually {

    private Eventually() {
    }

    /** Calls {@code probe} until it yields a value, or fails after {@code timeout}. */
    public static <T> T await(Duration timeout, String what, Callable<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.call();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
