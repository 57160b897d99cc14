package io.tessera.realtime;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionTable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The WebSocket protocol, one implementation for both runtimes: the local {@code /ws} endpoint and
 * the API Gateway Lambda handler only move frames in and out. A connection is registered only
 * once its token is verified; every later message acts in the tenant the connection was opened in.
 */
@Singleton
public class RealtimeProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeProtocol.class);
    /** API Gateway closes WebSocket connections after two hours. */
    private static final Duration MAX_CONNECTION_AGE = Duration.ofHours(2);

    private final TokenVerifier verifier;
    private final ConnectionTable connections;
    private final ObjectMapper json;
    private final Clock clock;

    RealtimeProtocol(TokenVerifier verifier, ConnectionTable connections, ObjectMapper json, Clock clock) {
        this.verifier = verifier;
        this.connections = connections;
        this.json = json;
        this.clock = clock;
    }

    /** Verifies the token (401/403 as a ProblemException otherwise); nothing is stored yet. */
    public CallContext authenticate(String token) {
        return verifier.verify(token);
    }

    /** Registers a connection opened by an authenticated caller. */
    public void open(String connectionId, CallContext caller) {
        Instant now = clock.instant();
        caller.run(() -> {
            connections.register(new Connection(connectionId, caller.tenantId(), caller.userId(), caller.roles(), Set.of(),
                    now, now.plus(MAX_CONNECTION_AGE).getEpochSecond()));
            LOG.info("connection {} opened", connectionId);
        });
    }

    /** Handles a client message; returns the reply to send back on the same connection. */
    public String onMessage(String connectionId, String text) {
        Optional<Connection> found = connections.find(connectionId);
        if (found.isEmpty()) {
            return write(Messages.Error.of("This connection is not registered; reconnect."));
        }
        Connection connection = found.get();
        return contextOf(connection).call(() -> write(handle(connection, text)));
    }

    /** Forgets a closed connection. */
    public void close(String connectionId) {
        connections.find(connectionId).ifPresent(connection -> contextOf(connection).run(() -> {
            connections.remove(connectionId);
            LOG.info("connection {} closed", connectionId);
        }));
    }

    private Object handle(Connection connection, String text) {
        Messages.ClientMessage message;
        try {
            message = json.readValue(text, Messages.ClientMessage.class);
        } catch (IOException | RuntimeException e) {
            return Messages.Error.of("Messages are JSON objects: {\"action\":\"subscribe\",\"channel\":\"orders\"}.");
        }
        if (message == null || message.action() == null) {
            return Messages.Error.of("A message needs an action: subscribe, unsubscribe or ping.");
        }
        return switch (message.action()) {
            case "ping" -> Messages.Pong.of();
            case "subscribe", "unsubscribe" -> changeChannels(connection, message);
            default -> Messages.Error.of("Unknown action '" + message.action() + "': use subscribe, unsubscribe or ping.");
        };
    }

    private Object changeChannels(Connection connection, Messages.ClientMessage message) {
        Optional<Channel> channel = Channel.fromWireName(message.channel());
        if (channel.isEmpty()) {
            return Messages.Error.of("Unknown channel '" + message.channel() + "': use orders, analytics or uploads.");
        }
        if (!channel.get().allowedFor(connection.roles())) {
            return Messages.Error.of("The " + channel.get().wireName() + " channel is for tenant admins.");
        }
        Set<String> channels = new HashSet<>(connection.channels());
        boolean subscribe = message.action().equals("subscribe");
        if (subscribe) {
            channels.add(channel.get().wireName());
        } else {
            channels.remove(channel.get().wireName());
        }
        connections.setChannels(connection.connectionId(), channels);
        return new Messages.ChannelChange(subscribe ? "subscribed" : "unsubscribed", channel.get().wireName());
    }

    private static CallContext contextOf(Connection connection) {
        return new CallContext(connection.tenantId(), connection.userId(), connection.roles(), CallContext.newCorrelationId());
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
