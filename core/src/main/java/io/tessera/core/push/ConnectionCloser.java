package io.tessera.core.push;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Ends connections whose authority ended: tells the client why ({@code connection.closing}),
 * closes the connection, and forgets it in the registry.
 */
@Singleton
public class ConnectionCloser {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCloser.class);

    private final ConnectionRegistry registry;
    private final Pusher pusher;
    private final ObjectMapper json;

    ConnectionCloser(ConnectionRegistry registry, Pusher pusher, ObjectMapper json) {
        this.registry = registry;
        this.pusher = pusher;
        this.json = json;
    }

    /** The last message on a connection before Tessera closes it. */
    @Serdeable
    public record ConnectionClosing(String type, int code, String reason) {
    }

    public void close(Connection connection, Closing closing) {
        CallContext.system(connection.tenantId(), null).run(() -> {
            LOG.info("closing connection {} of user {} with {}: {}", connection.connectionId(), connection.userId(),
                    closing.code(), closing.reason());
            pusher.send(connection.connectionId(), write(new ConnectionClosing("connection.closing", closing.code(), closing.reason())));
            pusher.disconnect(connection.connectionId(), closing);
            registry.remove(connection.connectionId());
        });
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
