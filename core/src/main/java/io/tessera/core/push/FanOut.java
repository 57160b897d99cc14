package io.tessera.core.push;

import io.micronaut.serde.ObjectMapper;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import io.tessera.core.metrics.TenantMetrics;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
    private final TenantMetrics metrics;

    FanOut(ConnectionRegistry registry, ConnectionAuthority authority, ConnectionCloser closer, Pusher pusher, ObjectMapper json,
           TenantMetrics metrics) {
        this.registry = registry;
        this.authority = authority;
        this.closer = closer;
        this.pusher = pusher;
        this.json = json;
        this.metrics = metrics;
    }

    /** Returns how many connections received the message. */
    public int push(Predicate<Connection> audience, Object message) {
        return push(audience, () -> message);
    }

    /**
     * Like {@link #push(Predicate, Object)}, with a message made only if somebody will receive
     * it: nothing is read for a channel nobody of the tenant holds.
     */
    public int push(Predicate<Connection> audience, Supplier<?> message) {
        List<Connection> addressed = registry.ofCurrentTenant().stream().filter(audience).toList();
        if (addressed.isEmpty()) {
            return 0;
        }
        ConnectionAuthority.Judgement judgement = authority.judge(addressed);
        judgement.ended().forEach(closer::close);
        if (judgement.current().isEmpty()) {
            metrics.pushes(CallContext.caller().tenantId(), 0, judgement.ended().size());
            return 0;
        }
        Set<String> gone = pusher.sendToAll(judgement.current().stream().map(Connection::connectionId).toList(), write(message.get()));
        gone.forEach(connectionId -> {
            LOG.info("connection {} is gone; forgetting it", connectionId);
            registry.remove(connectionId);
        });
        int sent = judgement.current().size() - gone.size();
        LOG.info("pushed to {} of {} addressed connections", sent, addressed.size());
        metrics.pushes(CallContext.caller().tenantId(), sent, judgement.ended().size() + gone.size());
        return sent;
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
