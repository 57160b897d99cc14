package io.tessera.infra.cdk;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTest {

    private static final LambdaJars ANY_JARS = new LambdaJars(
            Path.of("api-lambda.jar"), Path.of("realtime-lambda.jar"), Path.of("stream-processors-lambda.jar"));
    private static final TierRates ANY_RATES = new TierRates(List.of());

    @Test
    void webOriginsAreRequired() {
        assertThatThrownBy(() -> new StackSettings(List.of(), Optional.empty(), ANY_JARS, ANY_RATES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webOrigins");
    }

    @Test
    void aWebOriginIsASchemeAndAHostWithoutAPath() {
        assertThatThrownBy(() -> new StackSettings(List.of("https://app.example.com/login"), Optional.empty(), ANY_JARS, ANY_RATES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://app.example.com/login");
        assertThatThrownBy(() -> new StackSettings(List.of("*"), Optional.empty(), ANY_JARS, ANY_RATES))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
