package io.tessera.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.serde.ObjectMapper;
import io.tessera.api.support.ApiLambda;
import io.tessera.auth.testing.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiLambdaHandlerIT {

    private static ApiLambda lambda;

    @BeforeAll
    static void startHandler() {
        lambda = new ApiLambda();
    }

    @AfterAll
    static void stopHandler() {
        lambda.close();
    }

    @Test
    void aValidIdTokenGetsTheCallersIdentityFromMe() throws IOException {
        APIGatewayProxyResponseEvent response = lambda.get("/me", Emulator.demoAdminTokens().idToken());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> me = json(response);
        assertThat(me).containsEntry("tenantId", "demo")
                .containsEntry("username", Emulator.demoAdminUsername())
                .containsEntry("roles", List.of("tenant-admins"));
        assertThat((String) me.get("userId")).isNotBlank();
    }

    @Test
    void aRequestWithoutTokenGets401AsAProblemDocument() throws IOException {
        APIGatewayProxyResponseEvent response = lambda.get("/me", null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(response)).containsEntry("status", 401).containsEntry("title", "Unauthorized");
    }

    @Test
    void browsersGetCorsHeadersOnlyForTheConfiguredWebOrigins() {
        try (ApiLambda configured = new ApiLambda(Map.of("tessera.web-origins", "https://app.example.com"))) {
            assertThat(configured.getWithHeaders("/health", Map.of("Origin", "https://app.example.com")).getHeaders())
                    .containsEntry("Access-Control-Allow-Origin", "https://app.example.com");
            assertThat(configured.getWithHeaders("/health", Map.of("Origin", "https://evil.example.com")).getHeaders())
                    .doesNotContainKey("Access-Control-Allow-Origin");
        }
        assertThat(lambda.getWithHeaders("/health", Map.of("Origin", "https://evil.example.com")).getHeaders())
                .doesNotContainKey("Access-Control-Allow-Origin");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(APIGatewayProxyResponseEvent response) throws IOException {
        return ObjectMapper.getDefault().readValue(response.getBody(), Map.class);
    }
}
