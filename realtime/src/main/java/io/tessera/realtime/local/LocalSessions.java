package io.tessera.realtime.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.websocket.WebSocketSession;
import io.tessera.realtime.Pusher;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Locally, pushes go straight into the WebSocket sessions this process holds. */
@Singleton
@Requires(env = "local")
class LocalSessions implements Pusher {

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

    void add(WebSocketSession session) {
        sessions.put(session.getId(), session);
    }

    void remove(WebSocketSession session) {
        sessions.remove(session.getId());
    }

    int size() {
        return sessions.size();
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
}
