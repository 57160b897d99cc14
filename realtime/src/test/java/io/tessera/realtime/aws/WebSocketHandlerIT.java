package io.tessera.realtime.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.context.ApplicationContext;
import io.tessera.auth.testing.Emulator;
import io.tessera.auth.testing.ForgedTokens;
import io.tessera.core.data.connections.ConnectionTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket Lambda fed API Gateway WebSocket events, against the emulator. */
class WebSocketHandlerIT {

    private static ApplicationContext context;
    private static WebSocketHandler handler;

    @BeforeAll
    static void startHandler() {
        context = ApplicationContext.builder().properties(Map.of("tessera.cognito.jwks-url", Emulator.jwksUrl())).start();
        handler = new WebSocketHandler(context);
    }

    @AfterAll
    static void stopHandler() {
        context.close();
    }

    @Test
    void aValidTokenConnectsAndRegistersTheConnectionWhichDisconnectRemoves() {
        String connectionId = newConnectionId();

        assertThat(handler.handleRequest(event("$connect", connectionId, Emulator.demoAdminTokens().idToken(), null), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(context.getBean(ConnectionTable.class).find(connectionId))
                .hasValueSatisfying(connection -> assertThat(connection.tenantId()).isEqualTo("demo"));

        assertThat(handler.handleRequest(event("$default", connectionId, null, "{\"action\":\"ping\"}"), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(event("$disconnect", connectionId, null, null), null).getStatusCode()).isEqualTo(200);

        assertThat(context.getBean(ConnectionTable.class).find(connectionId)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedAndNothingIsStored() {
        String connectionId = newConnectionId();
        Instant past = Instant.now().minusSeconds(7200);
        String expired = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims()
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600))).build());

        assertThat(handler.handleRequest(event("$connect", connectionId, expired, null), null).getStatusCode()).isEqualTo(401);

        assertThat(context.getBean(ConnectionTable.class).find(connectionId)).isEmpty();
    }

    @Test
    void aMissingOrGarbageTokenIsRefusedAndNothingIsStored() {
        String connectionId = newConnectionId();

        assertThat(handler.handleRequest(event("$connect", connectionId, "garbage", null), null).getStatusCode()).isEqualTo(401);
        assertThat(handler.handleRequest(event("$connect", connectionId, null, null), null).getStatusCode()).isEqualTo(401);

        assertThat(context.getBean(ConnectionTable.class).find(connectionId)).isEmpty();
    }

    private static String newConnectionId() {
        return "it-" + UUID.randomUUID();
    }

    private static APIGatewayV2WebSocketEvent event(String route, String connectionId, String token, String body) {
        APIGatewayV2WebSocketEvent event = EventLoader.loadEvent("events/websocket-connect.json", APIGatewayV2WebSocketEvent.class);
        event.getRequestContext().setRouteKey(route);
        event.getRequestContext().setConnectionId(connectionId);
        event.setQueryStringParameters(token == null ? null : Map.of("token", token));
        event.setBody(body);
        return event;
    }
}
