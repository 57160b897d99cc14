package io.tessera.infra.cdk;

import io.tessera.core.tenants.Tier;
import io.tessera.infra.cdk.TierRates.TierRate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierRatesTest {

    @Test
    void everyTierHasAPositiveRateInTheApplicationsConfiguration() {
        assertThat(TierRates.fromApplicationConfig().rates())
                .extracting(TierRate::tier)
                .containsExactly(Tier.values());
        assertThat(TierRates.fromApplicationConfig().rates()).allSatisfy(rate -> assertThat(rate.requestsPerSecond()).isPositive());
    }

    @Test
    void ratesAreReadFromTheTiersSection() {
        TierRates rates = TierRates.fromYaml(yaml("""
                tessera:
                  tiers:
                    basic: {requests-per-second: 3}
                    standard: {requests-per-second: 30}
                    premium: {requests-per-second: 300, max-users: 9}
                """));

        assertThat(rates.rates()).containsExactly(
                new TierRate(Tier.BASIC, 3), new TierRate(Tier.STANDARD, 30), new TierRate(Tier.PREMIUM, 300));
    }

    @Test
    void aTierWithoutARateStopsSynthesis() {
        assertThatThrownBy(() -> TierRates.fromYaml(yaml("""
                tessera:
                  tiers:
                    basic: {requests-per-second: 3}
                    standard: {max-users: 50}
                    premium: {requests-per-second: 300}
                """)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tessera.tiers.standard.requests-per-second");
    }

    private static ByteArrayInputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
