package io.tessera.core.push;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import io.tessera.core.metrics.TenantMetrics;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out against the emulator's tables, with a pusher that records what it sends: only the
 * tenant's subscribed audience hears a push, and only while its authority holds. When the local
 * system runs beside the test, its connection checks react to the same changes (a user disabled,
 * a tenant suspended) and may close a connection first; either way the connection is closed and
 * never pushed to, which is what {@link #assertClosed} accepts.
 */
@MicronautTest(startApplication = false)
class FanOutIT {

    @Inject
    ApplicationContext context;

    @Inject
    ConnectionRegistry registry;

    @Inject
    ConnectionAuthority authority;

    @Inject
    ObjectMapper json;

    @Inject
    TenantMetrics metrics;

    private final RecordingPusher pusher = new RecordingPusher();
    private FanOut fanOut;
    private String tenant;

    @BeforeEach
    void newTenant() {
        tenant = activeTenant();
        fanOut = new FanOut(registry, authority, new ConnectionCloser(registry, pusher, json), pusher, json, metrics);
    }

    private static final class RecordingPusher implements Pusher {
        final List<String> sentTo = new ArrayList<>();
        final Map<String, Integer> closed = new LinkedHashMap<>();
        final Set<String> gone = new java.util.HashSet<>();

        @Override
        public boolean send(String connectionId, String message) {
            if (gone.contains(connectionId)) {
                return false;
            }
            if (!message.contains("connection.closing")) {
                sentTo.add(connectionId);
            }
            return true;
        }

        @Override
        public void disconnect(String connectionId, Closing closing) {
            closed.put(connectionId, closing.code());
        }
    }

    @Test
    void aPushReachesTheTenantsSubscribedAudienceOnlyAndForgetsGoneConnections() {
        String otherTenant = activeTenant();
        String live = connect(tenant, user(tenant, Role.MEMBER), Set.of("orders"));
        String gone = connect(tenant, user(tenant, Role.MEMBER), Set.of("orders"));
        String notSubscribed = connect(tenant, user(tenant, Role.MEMBER), Set.of());
        String elsewhere = connect(otherTenant, user(otherTenant, Role.MEMBER), Set.of("orders"));
        pusher.gone.add(gone);

        int delivered = push();

        assertThat(delivered).isEqualTo(1);
        assertThat(pusher.sentTo).containsExactly(live);
        assertThat(registry.find(gone)).isEmpty();
        assertThat(registry.find(live)).isPresent();
        assertThat(registry.find(notSubscribed)).isPresent();
        assertThat(registry.find(elsewhere)).isPresent();
    }

    @Test
    void aDisabledUsersConnectionIsClosedAsForbiddenInsteadOfPushedTo() {
        TenantUser user = user(tenant, Role.MEMBER);
        String connection = connect(tenant, user, Set.of("orders"));
        CallContext.system(tenant, null).run(() -> context.getBean(UserDirectory.class).setEnabled(user.userId(), false, OptionalLong.empty()));

        assertThat(push()).isZero();
        assertClosed(connection, Closing.FORBIDDEN);
    }

    @Test
    void aRemovedOrDemotedUsersConnectionIsClosedWithSignInAgain() {
        TenantUser removed = user(tenant, Role.MEMBER);
        TenantUser demoted = user(tenant, Role.TENANT_ADMIN);
        String removedConnection = connect(tenant, removed, Set.of("orders"));
        String demotedConnection = connect(tenant, demoted, Set.of("orders"));
        CallContext.system(tenant, null).run(() -> {
            context.getBean(UserDirectory.class).remove(removed.userId(), OptionalLong.empty());
            context.getBean(UserDirectory.class).changeRole(demoted.userId(), Role.MEMBER, OptionalLong.empty());
        });

        assertThat(push()).isZero();
        assertClosed(removedConnection, Closing.SIGN_IN_AGAIN);
        assertClosed(demotedConnection, Closing.SIGN_IN_AGAIN);
    }

    @Test
    void aConnectionWhoseTokenExpiredIsClosedWithSignInAgain() {
        String expired = connect(tenant, user(tenant, Role.MEMBER), Set.of("orders"), Instant.now().minusSeconds(1));
        String current = connect(tenant, user(tenant, Role.MEMBER), Set.of("orders"));

        assertThat(push()).isEqualTo(1);
        assertThat(pusher.sentTo).containsExactly(current);
        assertClosed(expired, Closing.SIGN_IN_AGAIN);
    }

    @Test
    void aSuspendedTenantsConnectionsAreAllClosedAsForbidden() {
        String first = connect(tenant, user(tenant, Role.MEMBER), Set.of("orders"));
        String second = connect(tenant, user(tenant, Role.TENANT_ADMIN), Set.of("orders"));
        CallContext.system(tenant, null).run(() -> context.getBean(TenantProfiles.class).changeSettings(Tier.PREMIUM, TenantStatus.SUSPENDED, OptionalLong.empty()));

        assertThat(push()).isZero();
        assertClosed(first, Closing.FORBIDDEN);
        assertClosed(second, Closing.FORBIDDEN);
    }

    /** Closed with {@code code} by this fan-out, or already closed by the running system's checks: gone from the registry. */
    private void assertClosed(String connectionId, int code) {
        if (pusher.closed.containsKey(connectionId)) {
            assertThat(pusher.closed.get(connectionId)).as("close code of %s", connectionId).isEqualTo(code);
        }
        assertThat(registry.find(connectionId)).as("registration of %s", connectionId).isEmpty();
    }

    private int push() {
        return CallContext.system(tenant, null).call(() ->
                fanOut.push(connection -> connection.isSubscribedTo(Channel.ORDERS.wireName()), Map.of("type", "pong")));
    }

    /** A tenant that signup has made active, with its first admin. */
    private String activeTenant() {
        String tenantId = "push" + UUID.randomUUID().toString().substring(0, 8);
        CallContext.system(tenantId, null).run(() -> {
            context.getBean(TenantProfiles.class).createPending("Push test", Tier.PREMIUM, "admin@" + tenantId + ".test");
            context.getBean(UserDirectory.class).addFirstAdmin(
                    TenantUser.added("admin-" + tenantId, "admin@" + tenantId + ".test", Role.TENANT_ADMIN, Instant.now()));
        });
        return tenantId;
    }

    /** A user added as invitations add them: a seat first (counting admins), then the directory entry. */
    private TenantUser user(String tenantId, Role role) {
        TenantUser user = TenantUser.added("u-" + UUID.randomUUID(), "user@" + tenantId + ".test", role, Instant.now());
        CallContext.system(tenantId, null).run(() -> {
            context.getBean(UserDirectory.class).reserveSeat(role, 1000);
            context.getBean(UserDirectory.class).add(user);
        });
        return user;
    }

    private String connect(String tenantId, TenantUser user, Set<String> channels) {
        return connect(tenantId, user, channels, Instant.now().plusSeconds(3600));
    }

    private String connect(String tenantId, TenantUser user, Set<String> channels, Instant expiresAt) {
        String connectionId = "c-" + UUID.randomUUID();
        CallContext.system(tenantId, null).run(() -> registry.register(new Connection(connectionId, tenantId, user.userId(),
                Set.of(user.role().group()), channels, Instant.now(), Instant.now(), expiresAt)));
        return connectionId;
    }
}
