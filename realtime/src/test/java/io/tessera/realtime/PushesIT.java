package io.tessera.realtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Fan-out against the emulator's connections table, with a pusher that records what it sends. */
class PushesIT {

    private static ApplicationContext context;
    private static ConnectionTable connections;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
        connections = context.getBean(ConnectionTable.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static final class RecordingPusher implements Pusher {
        final List<String> sentTo = new ArrayList<>();
        final Set<String> gone;

        RecordingPusher(Set<String> gone) {
            this.gone = gone;
        }

        @Override
        public boolean send(String connectionId, String message) {
            if (gone.contains(connectionId)) {
                return false;
            }
            sentTo.add(connectionId);
            return true;
        }
    }

    @Test
    void aPushReachesTheTenantsAudienceOnlyAndForgetsGoneConnections() {
        String tenant = "push" + UUID.randomUUID().toString().substring(0, 8);
        String otherTenant = "push" + UUID.randomUUID().toString().substring(0, 8);
        String live = register(tenant, "alice");
        String gone = register(tenant, "bob");
        String notSubscribed = register(tenant, "carol", Set.of());
        String elsewhere = register(otherTenant, "dave");
        RecordingPusher pusher = new RecordingPusher(Set.of(gone));
        Pushes pushes = new Pushes(connections, pusher, context.getBean(ObjectMapper.class));

        int delivered = CallContext.system(tenant, null).call(() ->
                pushes.push(connection -> connection.isSubscribedTo("orders"), Messages.Pong.of()));

        assertThat(delivered).isEqualTo(1);
        assertThat(pusher.sentTo).containsExactly(live);
        assertThat(connections.find(gone)).isEmpty();
        assertThat(connections.find(live)).isPresent();
        assertThat(connections.find(notSubscribed)).isPresent();
        assertThat(connections.find(elsewhere)).isPresent();
    }

    private static String register(String tenant, String user) {
        return register(tenant, user, Set.of("orders"));
    }

    private static String register(String tenant, String user, Set<String> channels) {
        String connectionId = "c-" + UUID.randomUUID();
        CallContext.system(tenant, null).run(() -> connections.register(new Connection(connectionId, tenant, user,
                Set.of("members"), channels, Instant.now(), Instant.now().plusSeconds(3600).getEpochSecond())));
        return connectionId;
    }
}
