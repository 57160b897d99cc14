package io.tessera.streams.connections;

import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.push.ConnectionAuthority;
import io.tessera.core.push.ConnectionCloser;
import io.tessera.core.push.ConnectionExpiry;
import io.tessera.core.data.connections.ConnectionRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Judges again the connections a message concerns and closes those whose authority ended. After
 * an expiry timer, the tenant's connections that are still current get timers of their own again
 * (SQS delays a message by 15 minutes at most, so a timer may come before a connection's expiry). Running twice changes nothing, so redelivered messages are harmless.
 */
@Singleton
class ConnectionChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChecks.class);

    private final ConnectionRegistry registry;
    private final ConnectionAuthority authority;
    private final ConnectionCloser closer;
    private final ConnectionExpiry expiry;

    ConnectionChecks(ConnectionRegistry registry, ConnectionAuthority authority, ConnectionCloser closer, ConnectionExpiry expiry) {
        this.registry = registry;
        this.authority = authority;
        this.closer = closer;
        this.expiry = expiry;
    }

    void check(ConnectionCheck check) {
        CallContext.system(check.tenantId(), null).run(() -> {
            List<Connection> concerned = concerned(check);
            ConnectionAuthority.Judgement judgement = authority.judge(concerned);
            judgement.ended().forEach(closer::close);
            if (check.dueAt() != null) {
                judgement.current().forEach(expiry::schedule);
            }
            LOG.info("checked {} connection(s) of tenant {}: {} closed", concerned.size(), check.tenantId(), judgement.ended().size());
        });
    }

    private List<Connection> concerned(ConnectionCheck check) {
        return check.userId() != null ? registry.ofUser(check.userId()) : registry.ofCurrentTenant();
    }
}
