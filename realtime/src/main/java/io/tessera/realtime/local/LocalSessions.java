package io.tessera.realtime.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.tessera.core.push.Closing;
import io.tessera.core.push.Pusher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Locally, pushes go straight into the WebSocket sessions this process holds. */
@Singleton
@Requires(env = "local")
class LocalSessions implements Pusher {

    /** RFC 6455 §5.5: a close frame's reason holds at most 123 bytes of UTF-8. */
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

    void add(WebSocketSession session) {
        sessions.put(session.getId(), session);
    }

    void remove(WebSocketSession session) {
        sessions.remove(session.getId());
    }

    @Override
    public boolean send(String connectionId, String message) {
        WebSocketSession session = sessions.get(connectionId);
        if (session == null || !session.isOpen()) {
            sessions.remove(connectionId);
            return false;
        }
        session.sendAsync(message);
        return true;
    }

    /** Writes the close frame after anything sent before it: Netty keeps a channel's writes in order. */
    @Override
    public void disconnect(String connectionId, Closing closing) {
        WebSocketSession session = sessions.remove(connectionId);
        if (session != null && session.isOpen()) {
            session.close(new CloseReason(closing.code(), fitCloseFrame(closing.reason())));
        }
    }

    /** The full reason went out in the {@code connection.closing} message; the frame keeps what fits. */
    private static String fitCloseFrame(String reason) {
        String fitted = reason;
        while (fitted.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
            fitted = fitted.substring(0, fitted.offsetByCodePoints(fitted.length(), -1));
        }
        return fitted;
    }
}
