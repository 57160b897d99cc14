package io.tessera.core.push;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Fan-out inside the current tenant: a message goes to the tenant's connections that the
 * audience accepts and that still hold their authority ({@link ConnectionAuthority}), never to
 * another tenant's. A connection whose authority ended is closed instead; a gone one is forgotten.
 */
@Singleton
public class FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final ConnectionRegistry registry;
    private final ConnectionAuthority authority;
    private final ConnectionCloser closer;
    private final Pusher pusher;
    private final ObjectMapper json;

    FanOut(ConnectionRegistry registry, ConnectionAuthority authority, ConnectionCloser closer, Pusher pusher, ObjectMapper json) {
        this.registry = registry;
        this.authority = authority;
        this.closer = closer;
        this.pusher = pusher;
        this.json = json;
    }

    /** Returns how many connections received the message. */
    public int push(Predicate<Connection> audience, Object message) {
        List<Connection> addressed = registry.ofCurrentTenant().stream().filter(audience).toList();
        ConnectionAuthority.Judgement judgement = authority.judge(addressed);
        judgement.ended().forEach(closer::close);
        if (judgement.current().isEmpty()) {
            return 0;
        }
        String text = write(message);
        int delivered = 0;
        for (Connection connection : judgement.current()) {
            if (pusher.send(connection.connectionId(), text)) {
                delivered++;
            } else {
                LOG.info("connection {} is gone; forgetting it", connection.connectionId());
                registry.remove(connection.connectionId());
            }
        }
        return delivered;
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
