package io.tessera.streams.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream processors' context as Micronaut's Lambda handler builds it (every singleton at
 * start), from the stream-processors package's class path: a singleton of core that needs a bean only
 * another entry point provides would stop every handler from starting.
 */
class LambdaContextIT {

    @Test
    void everySingletonOfTheStreamProcessorsPackageCanBeBuiltAtStart() {
        try (ApplicationContext context = new LambdaApplicationContextBuilder().start()) {
            assertThat(context.getActiveBeanRegistrations(SdkClient.class)).isNotEmpty();
        }
    }
}
