package io.tessera.realtime.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.problems.ProblemException;
import io.tessera.core.push.Pusher;
import io.tessera.realtime.RealtimeProtocol;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket API's Lambda: {@code $connect} (the ID token in {@code ?token=}), {@code $disconnect}
 * and {@code $default} all come here and go to the same {@link RealtimeProtocol} the local
 * endpoint uses. Replies go back through the Management API.
 */
public class WebSocketHandler extends MicronautRequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    @Inject
    RealtimeProtocol protocol;

    @Inject
    Pusher pusher;

    public WebSocketHandler() {
    }

    public WebSocketHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2WebSocketResponse execute(APIGatewayV2WebSocketEvent event) {
        String connectionId = event.getRequestContext().getConnectionId();
        switch (event.getRequestContext().getRouteKey()) {
            case "$connect" -> {
                String token = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("token")).orElse(null);
                if (token == null) {
                    return status(401);
                }
                if (tokensIn(event) > 1) {
                    return status(400);
                }
                try {
                    protocol.open(connectionId, protocol.authenticate(token));
                } catch (ProblemException refused) {
                    return status(refused.status().getCode());
                }
            }
            case "$disconnect" -> protocol.close(connectionId);
            default -> protocol.onMessage(connectionId, event.getBody() == null ? "" : event.getBody())
                    .ifPresent(reply -> pusher.send(connectionId, reply));
        }
        return status(200);
    }

    /** API Gateway passes the last of repeated query values as the single value; all of them here. */
    private static int tokensIn(APIGatewayV2WebSocketEvent event) {
        return Optional.ofNullable(event.getMultiValueQueryStringParameters())
                .map(query -> query.getOrDefault("token", List.of()).size())
                .orElse(1);
    }

    private static APIGatewayV2WebSocketResponse status(int code) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(code);
        response.setHeaders(Map.of());
        return response;
    }
}
