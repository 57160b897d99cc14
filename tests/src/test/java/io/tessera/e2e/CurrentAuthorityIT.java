package io.tessera.e2e;

import io.tessera.auth.testing.ForgedTokens;
import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.client.model.UserChange;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A WebSocket connection holds its rights only while its token and its user's and tenant's
 * standing hold: revocation closes it with the documented code, and nothing is pushed
 * on it once its authority ended.
 */
class CurrentAuthorityIT {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    /** A tenant with its first admin, a second admin (who will lose rights) and a member who orders. */
    private record Tenancy(TestTenant tenant, TestTenant.Member secondAdmin, TestTenant.Member member, Product product) {

        static Tenancy create() throws Exception {
            TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
            return new Tenancy(tenant, tenant.invite(Role.TENANT_ADMINS), tenant.invite(Role.MEMBERS),
                    Shop.product(tenant.asAdmin(), 100, 100));
        }

        void memberOrders() throws ApiException {
            new OrdersApi(member.client()).placeOrder(UUID.randomUUID().toString(),
                    new OrderRequest().addLinesItem(new LineRequest().productId(product.getProductId()).quantity(1)));
        }
    }

    private static WsClient subscribed(String idToken) throws Exception {
        WsClient client = WsClient.connect(idToken);
        assertThat(client.subscribe("orders").type()).isEqualTo("subscribed");
        return client;
    }

    /** The connection was told why and closed with {@code code}, and heard no order event on the way. */
    private static void assertClosedWith(WsClient client, int code) throws Exception {
        WsClient.Closed closed = client.awaitClose(WITHIN_SECONDS);
        List<WsClient.Received> heard = client.drain(Duration.ofMillis(200));
        assertThat(closed.code()).isEqualTo(code);
        assertThat(heard).extracting(WsClient.Received::type).doesNotContain("order.created", "pong");
        assertThat(heard).filteredOn(message -> message.type().equals("connection.closing"))
                .singleElement().satisfies(closing -> assertThat(closing.message().path("code").asInt()).isEqualTo(code));
    }

    @Test
    void aDisabledAdminsSocketIsClosedWith4403AndHearsNoMoreOrders() throws Exception {
        Tenancy tenancy = Tenancy.create();
        try (WsClient disabled = subscribed(tenancy.secondAdmin().login().idToken());
             WsClient firstAdmin = subscribed(tenancy.tenant().admin().idToken())) {

            new UsersApi(tenancy.tenant().asAdmin()).changeUser(tenancy.secondAdmin().userId(), new UserChange().enabled(false), null);
            tenancy.memberOrders();

            assertClosedWith(disabled, 4403);
            assertThat(firstAdmin.await(message -> message.type().equals("order.created"), WITHIN_SECONDS)).isNotNull();
        }
    }

    /** Whichever comes first, the ping or the revocation event, the ping is never answered. */
    @Test
    void aPingRightAfterDisablingIsNotAnsweredButClosesTheConnection() throws Exception {
        Tenancy tenancy = Tenancy.create();
        try (WsClient disabled = subscribed(tenancy.secondAdmin().login().idToken())) {

            new UsersApi(tenancy.tenant().asAdmin()).changeUser(tenancy.secondAdmin().userId(), new UserChange().enabled(false), null);
            disabled.trySend("{\"action\":\"ping\"}");

            assertClosedWith(disabled, 4403);
        }
    }

    @Test
    void aDemotedAdminsSocketIsClosedWith4401SoTheClientSignsInAgain() throws Exception {
        Tenancy tenancy = Tenancy.create();
        try (WsClient demoted = subscribed(tenancy.secondAdmin().login().idToken())) {

            new UsersApi(tenancy.tenant().asAdmin()).changeUser(tenancy.secondAdmin().userId(), new UserChange().role(Role.MEMBERS), null);
            tenancy.memberOrders();

            assertClosedWith(demoted, 4401);
        }
    }

    /**
     * A change of role or enabled state ends the authority of every token issued before it, even
     * when the change is undone: demoting and promoting back, or disabling and enabling again, must
     * not revive a token the server already told to sign in again, even within the same second. A
     * sign-in from a later second works.
     */
    @Test
    void aTokenIssuedBeforeAnUndoneRoleChangeOrReenablingStaysRefusedOnRestAndWebSocket() throws Exception {
        Tenancy tenancy = Tenancy.create();
        UsersApi admin = new UsersApi(tenancy.tenant().asAdmin());
        String beforeDemotion = tenancy.secondAdmin().login().idToken();
        String beforeDisabling = tenancy.member().login().idToken();

        admin.changeUser(tenancy.secondAdmin().userId(), new UserChange().role(Role.MEMBERS), null);
        admin.changeUser(tenancy.secondAdmin().userId(), new UserChange().role(Role.TENANT_ADMINS), null);
        admin.changeUser(tenancy.member().userId(), new UserChange().enabled(false), null);
        admin.changeUser(tenancy.member().userId(), new UserChange().enabled(true), null);

        for (String stale : List.of(beforeDemotion, beforeDisabling)) {
            assertThat(RawHttp.send("GET", "/products", stale, null).statusCode()).isEqualTo(401);
            assertThat(RawHttp.send("GET", "/me", stale, null).statusCode()).isEqualTo(401);
            assertThatThrownBy(() -> WsClient.connect(stale).close())
                    .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status()).isEqualTo(401));
        }
        Thread.sleep(1100); // changes undone within a second count from the next second (iat has whole seconds)
        assertThat(RawHttp.send("GET", "/users", tenancy.secondAdmin().login().idToken(), null).statusCode()).isEqualTo(200);
        try (WsClient fresh = subscribed(tenancy.member().login().idToken())) {
            assertThat(fresh.isClosed()).isFalse();
        }
    }

    @Test
    void aRemovedUsersSocketIsClosedWith4401() throws Exception {
        Tenancy tenancy = Tenancy.create();
        try (WsClient removed = subscribed(tenancy.member().login().idToken())) {

            new UsersApi(tenancy.tenant().asAdmin()).deleteUser(tenancy.member().userId(), null);

            assertClosedWith(removed, 4401);
        }
    }

    @Test
    void aSuspendedTenantsSocketsAreAllClosedWith4403AndOtherTenantsKeepTheirs() throws Exception {
        Tenancy suspended = Tenancy.create();
        Tenancy bystander = Tenancy.create();
        try (WsClient admin = subscribed(suspended.tenant().admin().idToken());
             WsClient member = subscribed(suspended.member().login().idToken());
             WsClient elsewhere = subscribed(bystander.member().login().idToken())) {

            new TenantsApi(PlatformAdmin.client()).changeTenant(suspended.tenant().id(),
                    new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null);

            assertClosedWith(admin, 4403);
            assertClosedWith(member, 4403);
            elsewhere.send("{\"action\":\"ping\"}");
            assertThat(elsewhere.await(message -> message.type().equals("pong"), WITHIN_SECONDS)).isNotNull();
            assertThat(elsewhere.isClosed()).isFalse();
        }
    }

    @Test
    void aConnectionIsClosedWith4401WhenItsTokenExpires() throws Exception {
        Instant soon = Instant.now().plusSeconds(4);
        String shortLived = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims()
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(soon)).build());
        try (WsClient expiring = subscribed(shortLived)) {

            assertClosedWith(expiring, 4401);
            assertThat(Instant.now()).isAfterOrEqualTo(soon.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Test
    void aMessageLargerThan128KbClosesTheConnectionWith1009() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        String big = "{\"action\":\"ping\",\"padding\":\"" + "x".repeat(200 * 1024) + "\"}";
        try (WsClient fragmented = WsClient.connect(tenant.admin().idToken());
             WsClient withinLimits = WsClient.connect(tenant.admin().idToken())) {

            fragmented.sendFragmented(big, 16 * 1024);
            withinLimits.sendFragmented("{\"action\":\"ping\",\"padding\":\"" + "x".repeat(100 * 1024) + "\"}", 16 * 1024);

            assertThat(fragmented.awaitClose(WITHIN_SECONDS).code()).isEqualTo(1009);
            assertThat(withinLimits.await(message -> message.type().equals("error"), WITHIN_SECONDS)).isNotNull();
            assertThat(withinLimits.isClosed()).isFalse();
        }
    }
}
