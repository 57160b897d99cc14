package io.tessera.local;

import io.micronaut.runtime.Micronaut;

/** Runs all of Tessera as one process in the `local` environment: REST and WebSocket on :8080. */
public final class LocalApplication {

    private LocalApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(LocalApplication.class)
                .defaultEnvironments("local")
                // Its output is JSON lines (log and EMF metric lines); the ASCII banner is neither.
                .banner(false)
                .start();
    }
}
