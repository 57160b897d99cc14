package io.tessera.auth;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoConfigurationTest {

    @Test
    void thePoolAndClientComeFromTheEnvironmentAndTheIssuerFollowsThePool() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "tessera.cognito.user-pool-id", "eu-west-1_AbC123",
                "tessera.cognito.client-id", "app-client-1",
                "tessera.cognito.region", "eu-west-1"))) {
            CognitoConfiguration cognito = context.getBean(CognitoConfiguration.class);

            assertThat(cognito.getUserPoolId()).isEqualTo("eu-west-1_AbC123");
            assertThat(cognito.getClientId()).isEqualTo("app-client-1");
            assertThat(context.getProperty("tessera.cognito.issuer", String.class))
                    .contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
        }
    }
}
