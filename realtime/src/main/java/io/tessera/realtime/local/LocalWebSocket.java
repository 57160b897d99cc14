package io.tessera.realtime.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.tessera.realtime.RealtimeProtocol;
import io.tessera.realtime.VerifiedCaller;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The local WebSocket endpoint: frames in and out of {@link RealtimeProtocol}, sessions kept in
 * {@link LocalSessions}. The token was already verified by {@link HandshakeFilter}. Each session's
 * frames are handled one after the other, off the event loop (the registry calls are DynamoDB
 * requests), so registration comes first and replies keep the order of the client's messages.
 *
 * <p>The handlers only schedule that work, so they are {@link NonBlocking}: Micronaut 4.10 calls
 * them on the event loop then. Offloaded to an executor, a finished {@code @OnClose} would leave
 * the TCP connection open after the client's close frame.
 */
@ServerWebSocket(LocalWebSocket.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(env = "local")
class LocalWebSocket {

    static final String PATH = "/ws";
    static final int MAX_FRAME_BYTES = 32 * 1024;
    /** RFC 6455 §7.4.1: 1011, the server met a condition that kept it from serving the connection. */
    private static final CloseReason NOT_REGISTERED = new CloseReason(1011, "The connection could not be registered; reconnect.");
    private static final Logger LOG = LoggerFactory.getLogger(LocalWebSocket.class);

    private final RealtimeProtocol protocol;
    private final LocalSessions sessions;
    private final ExecutorService blocking;
    private final Map<String, CompletableFuture<Void>> lastStep = new ConcurrentHashMap<>();

    LocalWebSocket(RealtimeProtocol protocol, LocalSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.protocol = protocol;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketSession session, HttpRequest<?> request) {
        VerifiedCaller caller = request.getAttribute(HandshakeFilter.CALLER, VerifiedCaller.class).orElse(null);
        if (caller == null) {
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        then(session, () -> {
            // The session is known first, so that a push racing the registration finds it.
            sessions.add(session);
            protocol.open(session.getId(), caller);
        }, () -> {
            // Not registered, so nothing would ever reach it: better closed than silently deaf.
            sessions.remove(session);
            session.close(NOT_REGISTERED);
        });
    }

    /** Frames are capped as API Gateway caps them (32 KB); whole messages by the local launcher (128 KB). */
    @OnMessage(maxPayloadLength = MAX_FRAME_BYTES)
    @NonBlocking
    void message(String text, WebSocketSession session) {
        then(session, () -> protocol.onMessage(session.getId(), text).ifPresent(session::sendSync),
                () -> session.sendSync(protocol.unavailable()));
    }

    @OnClose
    @NonBlocking
    void close(WebSocketSession session, CloseReason reason) {
        session.close(reason); // answers the client's close frame, as RFC 6455 asks
        then(session, () -> {
            sessions.remove(session);
            protocol.close(session.getId());
        }, () -> { }).whenComplete((done, error) -> lastStep.remove(session.getId()));
    }

    /**
     * Runs {@code step} after the session's previous step; if it fails (AWS unavailable, say),
     * {@code onFailure} tells the client while the session is open.
     */
    private CompletableFuture<Void> then(WebSocketSession session, Runnable step, Runnable onFailure) {
        return lastStep.compute(session.getId(), (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .thenRunAsync(step, blocking)
                        .exceptionally(error -> {
                            LOG.error("WebSocket session {} failed a step", id, error);
                            if (session.isOpen()) {
                                onFailure.run();
                            }
                            return null;
                        }));
    }
}
