package io.tessera.api;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API function's context builds at start, for each Lambda initialization type, from the API package's class path. */
class ApiFunctionContextIT {

    @Test
    void anOnDemandStartBuildsNoAwsClientBeforeARequestNeedsIt() {
        try (ApplicationContext context = ApiFunction.contextBuilder("on-demand").start()) {
            assertThat(context.getActiveBeanRegistrations(SdkClient.class)).isEmpty();
        }
    }

    @Test
    void aSnapStartInitializationBuildsEverySingletonOfTheApiPackage() {
        try (ApplicationContext context = ApiFunction.contextBuilder(ApiFunction.SNAP_START).start()) {
            assertThat(context.getActiveBeanRegistrations(SdkClient.class)).isNotEmpty();
        }
    }
}
