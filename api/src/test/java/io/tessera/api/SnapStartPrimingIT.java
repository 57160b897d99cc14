package io.tessera.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.tessera.auth.testing.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The SnapStart hook, called as Lambda's runtime calls it before a snapshot, against the emulator. */
class SnapStartPrimingIT {

    private final AtomicInteger keyFetches = new AtomicInteger();
    private HttpServer keys;
    private ApiFunction function;

    /** Serves the emulator's JWKS and counts how often the function fetches it. */
    @BeforeEach
    void start() throws IOException {
        keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/jwks.json", exchange -> {
            keyFetches.incrementAndGet();
            byte[] body;
            try (InputStream in = URI.create(Emulator.jwksUrl()).toURL().openStream()) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
        String url = "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks.json";
        function = new ApiFunction(ApplicationContext.builder().properties(Map.of("tessera.cognito.jwks-url", url)).start());
    }

    @AfterEach
    void stop() {
        function.close();
        keys.stop(0);
    }

    @Test
    void beforeTheSnapshotTheHookFetchesTheSigningKeysAndRunsTheRequestPathOnce() {
        function.priming().beforeCheckpoint(null);

        assertThat(function.priming().answered()).containsExactly(200, 401);
        assertThat(keyFetches).hasValue(1);
    }

    @Test
    void aRequestAfterThePrimedSnapshotIsAnsweredWithoutFetchingTheKeysAgain() {
        function.priming().beforeCheckpoint(null);

        APIGatewayProxyRequestEvent me = EventLoader.loadApiGatewayRestEvent("events/api-gateway-get.json");
        me.setPath("/me");
        me.setHeaders(Map.of("Authorization", "Bearer " + Emulator.demoAdminTokens().idToken()));
        me.setMultiValueHeaders(Map.of("Authorization", List.of("Bearer " + Emulator.demoAdminTokens().idToken())));

        assertThat(function.handleRequest(me, null).getStatusCode()).isEqualTo(200);
        assertThat(keyFetches).hasValue(1);
    }
}
