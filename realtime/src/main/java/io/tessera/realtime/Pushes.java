package io.tessera.realtime;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionTable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * Fan-out inside the current tenant: a message goes to the tenant's connections that the
 * audience accepts, never to another tenant's. A gone connection is forgotten on the spot.
 */
@Singleton
public class Pushes {

    private static final Logger LOG = LoggerFactory.getLogger(Pushes.class);

    private final ConnectionTable connections;
    private final Pusher pusher;
    private final ObjectMapper json;

    Pushes(ConnectionTable connections, Pusher pusher, ObjectMapper json) {
        this.connections = connections;
        this.pusher = pusher;
        this.json = json;
    }

    /** Returns how many connections received the message. */
    public int push(Predicate<Connection> audience, Object message) {
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int delivered = 0;
        for (Connection connection : connections.ofCurrentTenant()) {
            if (!audience.test(connection)) {
                continue;
            }
            if (pusher.send(connection.connectionId(), text)) {
                delivered++;
            } else {
                LOG.info("connection {} is gone; forgetting it", connection.connectionId());
                connections.remove(connection.connectionId());
            }
        }
        return delivered;
    }
}
