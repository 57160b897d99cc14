package io.tessera.realtime.aws;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket functions' context as Micronaut's Lambda handler builds it (every singleton at
 * start), from the realtime package's class path: a singleton of core that needs a bean only
 * another entry point provides would stop both functions from starting.
 */
class LambdaContextIT {

    @Test
    void everySingletonOfTheRealtimePackageCanBeBuiltAtStart() {
        try (ApplicationContext context = new LambdaApplicationContextBuilder().start()) {
            assertThat(context.getActiveBeanRegistrations(SdkClient.class)).isNotEmpty();
        }
    }
}
