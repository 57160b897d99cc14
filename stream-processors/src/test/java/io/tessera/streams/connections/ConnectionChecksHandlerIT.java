package io.tessera.streams.connections;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connections queue's consumer against the emulator: access changes and expiry timers close
 * the connections that lost their authority, judged by what is stored, and touch nothing else.
 */
class ConnectionChecksHandlerIT {

    private static ApplicationContext context;
    private static ConnectionChecksHandler handler;
    private static ConnectionRegistry registry;

    @BeforeAll
    static void startHandler() {
        context = ApplicationContext.run();
        handler = new ConnectionChecksHandler(context);
        registry = context.getBean(ConnectionRegistry.class);
    }

    @AfterAll
    static void stopHandler() {
        context.close();
    }

    @Test
    void aUserAccessChangeClosesTheConnectionsOfADisabledUserOnly() {
        String tenant = activeTenant();
        TenantUser disabled = user(tenant, Role.MEMBER);
        TenantUser other = user(tenant, Role.MEMBER);
        String disabledConnection = connect(tenant, disabled, Instant.now().plusSeconds(600));
        String otherConnection = connect(tenant, other, Instant.now().plusSeconds(600));
        CallContext.system(tenant, null).run(() -> context.getBean(UserDirectory.class).setEnabled(disabled.userId(), false, OptionalLong.empty()));

        SQSBatchResponse response = handle("tessera.tenants", "UserAccessChanged",
                "{\"eventId\":\"e1\",\"tenantId\":\"" + tenant + "\",\"userId\":\"" + disabled.userId() + "\",\"change\":\"disabled\","
                        + "\"occurredAt\":\"2026-11-29T12:00:00Z\"}");

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(registry.find(disabledConnection)).isEmpty();
        assertThat(registry.find(otherConnection)).isPresent();
    }

    @Test
    void aLateEventForAUserWhoWasEnabledAgainClosesNothing() {
        String tenant = activeTenant();
        TenantUser user = user(tenant, Role.MEMBER);
        String connection = connect(tenant, user, Instant.now().plusSeconds(600));

        handle("tessera.tenants", "UserAccessChanged", "{\"tenantId\":\"" + tenant + "\",\"userId\":\"" + user.userId() + "\",\"change\":\"disabled\"}");

        assertThat(registry.find(connection)).isPresent();
    }

    @Test
    void aSuspendedTenantsConnectionsAreAllClosedAndOtherTenantsKeepTheirs() {
        String suspended = activeTenant();
        String bystander = activeTenant();
        String first = connect(suspended, user(suspended, Role.MEMBER), Instant.now().plusSeconds(600));
        String second = connect(suspended, user(suspended, Role.TENANT_ADMIN), Instant.now().plusSeconds(600));
        String elsewhere = connect(bystander, user(bystander, Role.MEMBER), Instant.now().plusSeconds(600));
        CallContext.system(suspended, null).run(() ->
                context.getBean(TenantProfiles.class).changeSettings(Tier.PREMIUM, TenantStatus.SUSPENDED, OptionalLong.empty()));

        handle("tessera.tenants", "TenantStatusChanged", "{\"tenantId\":\"" + suspended + "\",\"status\":\"suspended\"}");

        assertThat(registry.find(first)).isEmpty();
        assertThat(registry.find(second)).isEmpty();
        assertThat(registry.find(elsewhere)).isPresent();
    }

    @Test
    void anExpiryTimerClosesAnExpiredConnectionAndKeepsOneThatIsStillValid() {
        String tenant = activeTenant();
        String expired = connect(tenant, user(tenant, Role.MEMBER), Instant.now().minusSeconds(1));
        String valid = connect(tenant, user(tenant, Role.MEMBER), Instant.now().plusSeconds(3600));

        handle("tessera.realtime", "ConnectionExpiryDue", timer(tenant));

        assertThat(registry.find(expired)).isEmpty();
        assertThat(registry.find(valid)).isPresent();
    }

    /**
     * The connection's tenant never existed, so no change of it reaches the running system's own
     * consumer, and only the timers sent here can close the connection.
     */
    @Test
    void aTimerNamingAnotherTenantTouchesNoConnection() {
        String tenant = "nowhere" + UUID.randomUUID().toString().substring(0, 8);
        String connection = connect(tenant, TenantUser.added("u-1", "u@nowhere.test", Role.MEMBER, Instant.now()), Instant.now().minusSeconds(1));

        handle("tessera.realtime", "ConnectionExpiryDue", timer(activeTenant()));
        assertThat(registry.find(connection)).isPresent();

        handle("tessera.realtime", "ConnectionExpiryDue", timer(tenant));
        assertThat(registry.find(connection)).isEmpty();
    }

    /** The detail of a timer that is due now for the tenant's connections. */
    private static String timer(String tenantId) {
        return "{\"tenantId\":\"" + tenantId + "\",\"dueAt\":\"" + Instant.now() + "\"}";
    }

    private static SQSBatchResponse handle(String source, String detailType, String detail) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody("{\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source + "\",\"detail-type\":\"" + detailType
                + "\",\"detail\":" + detail + "}");
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.List.of(message));
        return handler.handleRequest(event, null);
    }

    private static String activeTenant() {
        String tenantId = "checks" + UUID.randomUUID().toString().substring(0, 8);
        CallContext.system(tenantId, null).run(() -> {
            context.getBean(TenantProfiles.class).createPending("Checks test", Tier.PREMIUM, "admin@" + tenantId + ".test");
            context.getBean(UserDirectory.class).addFirstAdmin(TenantUser.added("admin-" + tenantId, "admin@" + tenantId + ".test",
                    Role.TENANT_ADMIN, Instant.now()));
        });
        return tenantId;
    }

    private static TenantUser user(String tenantId, Role role) {
        TenantUser user = TenantUser.added("u-" + UUID.randomUUID(), "user@" + tenantId + ".test", role, Instant.now());
        CallContext.system(tenantId, null).run(() -> {
            context.getBean(UserDirectory.class).reserveSeat(role, 1000);
            context.getBean(UserDirectory.class).add(user);
        });
        return user;
    }

    private static String connect(String tenantId, TenantUser user, Instant expiresAt) {
        String connectionId = "c-" + UUID.randomUUID();
        CallContext.system(tenantId, null).run(() -> registry.register(new Connection(connectionId, tenantId, user.userId(),
                Set.of(user.role().group()), Set.of("orders"), Instant.now(), Instant.now(), expiresAt)));
        return connectionId;
    }
}
