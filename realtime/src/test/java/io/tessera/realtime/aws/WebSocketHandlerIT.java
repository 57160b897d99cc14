package io.tessera.realtime.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.context.ApplicationContext;
import io.tessera.auth.testing.Emulator;
import io.tessera.auth.testing.ForgedTokens;
import io.tessera.auth.testing.TokenAttacks;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        assertThat(context.getBean(ConnectionRegistry.class).find(connectionId))
                .hasValueSatisfying(connection -> assertThat(connection.tenantId()).isEqualTo("demo"));

        assertThat(handler.handleRequest(event("$default", connectionId, null, "{\"action\":\"ping\"}"), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(event("$disconnect", connectionId, null, null), null).getStatusCode()).isEqualTo(200);

        assertThat(context.getBean(ConnectionRegistry.class).find(connectionId)).isEmpty();
    }

    static final List<TokenAttacks.Attack> ATTACKS = TokenAttacks.all();

    @ParameterizedTest(name = "a token {0} is refused and nothing is stored")
    @FieldSource("ATTACKS")
    void everyKindOfBadTokenIsRefusedAndNothingIsStored(TokenAttacks.Attack attack) {
        String connectionId = newConnectionId();

        assertThat(handler.handleRequest(event("$connect", connectionId, attack.token().get(), null), null).getStatusCode()).isEqualTo(401);

        assertThat(context.getBean(ConnectionRegistry.class).find(connectionId)).isEmpty();
    }

    @Test
    void aConnectionIsRegisteredUntilItsTokenExpires() {
        String connectionId = newConnectionId();
        Instant expires = Instant.now().plusSeconds(600);
        String token = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims().expirationTime(Date.from(expires)).build());

        assertThat(handler.handleRequest(event("$connect", connectionId, token, null), null).getStatusCode()).isEqualTo(200);

        assertThat(context.getBean(ConnectionRegistry.class).find(connectionId)).hasValueSatisfying(connection ->
                assertThat(connection.expiresAt()).isEqualTo(expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    @Test
    void aMissingTokenIsRefusedAndNothingIsStored() {
        String connectionId = newConnectionId();

        assertThat(handler.handleRequest(event("$connect", connectionId, null, null), null).getStatusCode()).isEqualTo(401);

        assertThat(context.getBean(ConnectionRegistry.class).find(connectionId)).isEmpty();
    }

    /**
     * A connection whose tenant is gone, with no event to say so (the tenant never existed): a
     * message on it closes it instead of being answered, since every message is judged afresh.
     */
    @Test
    void aMessageOnAConnectionThatLostItsAuthorityClosesItInsteadOfBeingAnswered() {
        String connectionId = newConnectionId();
        String tenantId = "gone" + UUID.randomUUID().toString().substring(0, 8);
        CallContext.system(tenantId, null).run(() -> context.getBean(ConnectionRegistry.class).register(new Connection(connectionId,
                tenantId, "u-1", Set.of("members"), Set.of(), Instant.now(), Instant.now(), Instant.now().plusSeconds(600))));

        assertThat(handler.handleRequest(event("$default", connectionId, null, "{\"action\":\"ping\"}"), null).getStatusCode()).isEqualTo(200);

        assertThat(context.getBean(ConnectionRegistry.class).find(connectionId)).isEmpty();
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
