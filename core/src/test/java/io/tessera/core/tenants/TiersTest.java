package io.tessera.core.tenants;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tessera.tiers}, the one place limits come from (application.yml sets all three). */
class TiersTest {

    @Test
    void eachTiersLimitsAreReadFromConfiguration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("tessera.tiers.basic.max-users", 3))) {
            Tiers tiers = context.getBean(Tiers.class);

            assertThat(tiers.of(Tier.BASIC).getMaxUsers()).isEqualTo(3);
            assertThat(tiers.of(Tier.PREMIUM).getRequestsPerSecond()).isEqualTo(500);
            assertThat(tiers.largestUploadBytes()).isEqualTo(tiers.of(Tier.PREMIUM).getMaxUploadBytes());
        }
    }

    @Test
    void aLimitThatIsNotPositiveStopsTheApplication() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("tessera.tiers.standard.max-users", 0))) {
            assertThatThrownBy(() -> context.getBean(Tiers.class)).isInstanceOf(BeanInstantiationException.class);
        }
    }
}
