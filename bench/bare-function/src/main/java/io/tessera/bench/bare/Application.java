package io.tessera.bench.bare;

import io.micronaut.runtime.Micronaut;

/** The bare endpoint on Micronaut's Netty server, for the overhead benchmark. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
