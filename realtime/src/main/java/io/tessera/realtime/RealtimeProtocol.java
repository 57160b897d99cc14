package io.tessera.realtime;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.access.TenantAdmission;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import io.tessera.core.json.JsonText;
import io.tessera.core.problems.TooManyRequestsException;
import io.tessera.core.push.Channel;
import io.tessera.core.push.ConnectionAuthority;
import io.tessera.core.push.ConnectionCloser;
import io.tessera.core.push.ConnectionExpiry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The WebSocket protocol, one implementation for both runtimes: the local {@code /ws} endpoint and
 * the API Gateway Lambda handler only move frames in and out. A connection is registered only
 * once its token is verified; every later message acts in the tenant the connection was opened in,
 * and only while the connection still holds its authority ({@link ConnectionAuthority}): a message
 * on a connection whose authority ended closes it instead of being answered.
 */
@Singleton
public class RealtimeProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeProtocol.class);
    /** API Gateway closes WebSocket connections after two hours. */
    private static final Duration MAX_CONNECTION_AGE = Duration.ofHours(2);

    private final TokenVerifier verifier;
    private final ConnectionRegistry registry;
    private final ConnectionAuthority authority;
    private final ConnectionCloser closer;
    private final ConnectionExpiry expiry;
    private final TenantAdmission admission;
    private final ObjectMapper json;
    private final Clock clock;

    RealtimeProtocol(TokenVerifier verifier, ConnectionRegistry registry, ConnectionAuthority authority, ConnectionCloser closer,
                     ConnectionExpiry expiry, TenantAdmission admission, ObjectMapper json,
                     Clock clock) {
        this.verifier = verifier;
        this.registry = registry;
        this.authority = authority;
        this.closer = closer;
        this.expiry = expiry;
        this.admission = admission;
        this.json = json;
        this.clock = clock;
    }

    /** Verifies the token (401/403 as a ProblemException otherwise); nothing is stored yet. */
    public VerifiedCaller authenticate(String token) {
        return verifier.verify(token);
    }

    /**
     * Registers a connection opened by an authenticated caller, with its authority ending when its
     * token expires, and arranges for it to be closed then.
     */
    public void open(String connectionId, VerifiedCaller verified) {
        CallContext caller = verified.context();
        Instant now = clock.instant();
        Instant expiresAt = verified.tokenExpiresAt().isBefore(now.plus(MAX_CONNECTION_AGE))
                ? verified.tokenExpiresAt() : now.plus(MAX_CONNECTION_AGE);
        Connection connection = new Connection(connectionId, caller.tenantId(), caller.userId(), caller.roles(), Set.of(), now,
                verified.tokenIssuedAt(), expiresAt);
        caller.run(() -> {
            registry.register(connection);
            expiry.schedule(connection);
            LOG.info("connection {} opened until {}", connectionId, expiresAt);
        });
    }

    /** The reply to a message that could not be handled because AWS (or the emulator) did not answer. */
    public String unavailable() {
        return write(Messages.Error.of("The service is unavailable right now; send the message again shortly."));
    }

    /**
     * Handles a client message; returns the reply to send back on the same connection, or nothing
     * if the connection's authority ended and it was closed instead.
     */
    public Optional<String> onMessage(String connectionId, String text) {
        Optional<Connection> found = registry.find(connectionId);
        if (found.isEmpty()) {
            return Optional.of(write(Messages.Error.of("This connection is not registered; reconnect.")));
        }
        Connection connection = found.get();
        CallContext caller = contextOf(connection);
        return caller.call(() -> {
            ConnectionAuthority.Judgement judgement = authority.judge(List.of(connection));
            if (!judgement.ended().isEmpty()) {
                judgement.ended().forEach(closer::close);
                return Optional.empty();
            }
            try {
                admission.admit(caller, connection.tokenIssuedAt(), false);
            } catch (TooManyRequestsException e) {
                return Optional.of(write(Messages.Error.of(e.getMessage() + " Send again in "
                        + Math.max(1, e.retryAfter().toMillis()) + " ms.")));
            }
            return Optional.of(write(handle(connection, text)));
        });
    }

    /** Forgets a closed connection. */
    public void close(String connectionId) {
        registry.find(connectionId).ifPresent(connection -> contextOf(connection).run(() -> {
            registry.remove(connectionId);
            LOG.info("connection {} closed", connectionId);
        }));
    }

    private Object handle(Connection connection, String text) {
        Messages.ClientMessage message;
        try {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            message = JsonText.hasContentAfterTheValue(utf8) ? null : json.readValue(utf8, Messages.ClientMessage.class);
        } catch (IOException | RuntimeException e) {
            message = null;
        }
        if (message == null) {
            return Messages.Error.of("Messages are one JSON object each: {\"action\":\"subscribe\",\"channel\":\"orders\"}.");
        }
        if (message.action() == null) {
            return Messages.Error.of("A message needs an action: subscribe, unsubscribe or ping.");
        }
        return switch (message.action()) {
            case "ping" -> Messages.Pong.of();
            case "subscribe", "unsubscribe" -> changeChannels(connection, message);
            default -> Messages.Error.of("Unknown action: use subscribe, unsubscribe or ping.");
        };
    }

    private Object changeChannels(Connection connection, Messages.ClientMessage message) {
        Optional<Channel> channel = Channel.fromWireName(message.channel());
        if (channel.isEmpty()) {
            return Messages.Error.of("Unknown channel: use orders, analytics or uploads.");
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
        registry.setChannels(connection.connectionId(), channels);
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
