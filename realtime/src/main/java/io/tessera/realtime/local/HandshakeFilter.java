package io.tessera.realtime.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.UnauthorizedException;
import io.tessera.realtime.RealtimeProtocol;
import io.tessera.realtime.VerifiedCaller;

/**
 * Refuses a WebSocket upgrade (to {@code /ws}, and to any path under it the router would also send
 * to the endpoint, such as {@code /ws/}) whose {@code ?token=} is not a valid ID token of an active tenant's
 * user (401/403 problem, before any frame), or that names more than one token (400), as API
 * Gateway's {@code $connect} does. The verified
 * caller rides on the request to {@link LocalWebSocket#open}.
 */
@ServerFilter({LocalWebSocket.PATH, LocalWebSocket.PATH + "/**"})
@Requires(env = "local")
class HandshakeFilter implements Ordered {

    static final String CALLER = "tessera.websocket.caller";

    private final RealtimeProtocol protocol;

    HandshakeFilter(RealtimeProtocol protocol) {
        this.protocol = protocol;
    }

    /**
     * Runs on the event loop on purpose: when the upgrade is resumed from another thread, Netty can
     * drop the client's first frames. The work is short (keys and tenant status are cached).
     */
    @RequestFilter
    void verifyToken(HttpRequest<?> request) {
        if (request.getParameters().getAll("token").size() > 1) {
            throw new BadRequestException("Connect with one token: /ws?token=<idToken>.");
        }
        String token = request.getParameters().get("token");
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException("Connect with a Cognito ID token: /ws?token=<idToken>.");
        }
        VerifiedCaller caller = protocol.authenticate(token);
        request.setAttribute(CALLER, caller);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 20;
    }
}
