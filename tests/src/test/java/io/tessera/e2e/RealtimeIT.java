package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.StatusChange;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RealtimeIT {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private static Order placeOrder(ApiClient buyer, String productId) throws ApiException {
        return new OrdersApi(buyer).placeOrder(UUID.randomUUID().toString(),
                new OrderRequest().addLinesItem(new LineRequest().productId(productId).quantity(1)));
    }

    @Test
    void anOrderChangeReachesItsOwnerAndTheTenantsAdminsAndNobodyElse() throws Exception {
        TestTenant a = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member owner = a.invite(Role.MEMBERS);
        TestTenant.Member otherMember = a.invite(Role.MEMBERS);
        TestTenant b = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member memberOfB = b.invite(Role.MEMBERS);
        Product product = Shop.product(a.asAdmin(), 100, 10);

        try (WsClient adminOfA = WsClient.connect(a.admin().idToken());
             WsClient ownerOfA = WsClient.connect(owner.login().idToken());
             WsClient otherOfA = WsClient.connect(otherMember.login().idToken());
             WsClient adminOfB = WsClient.connect(b.admin().idToken());
             WsClient inB = WsClient.connect(memberOfB.login().idToken())) {
            for (WsClient client : List.of(adminOfA, ownerOfA, otherOfA, adminOfB, inB)) {
                assertThat(client.subscribe("orders").type()).isEqualTo("subscribed");
            }

            Order order = placeOrder(owner.client(), product.getProductId());
            new OrdersApi(a.asAdmin()).changeOrderStatus(order.getOrderId(), new StatusChange().status(OrderStatus.PAID));

            for (WsClient entitled : List.of(adminOfA, ownerOfA)) {
                WsClient.Received created = entitled.await(m -> m.type().equals("order.created"), Duration.ofSeconds(10));
                WsClient.Received paid = entitled.await(m -> m.type().equals("order.status_changed"), Duration.ofSeconds(10));
                assertThat(created.message().path("orderId").asText()).isEqualTo(order.getOrderId());
                assertThat(paid.message().path("status").asText()).isEqualTo("PAID");
                assertThat(paid.message().path("previousStatus").asText()).isEqualTo("PLACED");
                assertThat(paid.message().path("version").asLong()).isEqualTo(2);
            }
            for (WsClient outsider : List.of(otherOfA, adminOfB, inB)) {
                assertThat(outsider.drain(QUIET)).isEmpty();
            }
        }
    }

    @Test
    void aClientThatDidNotSubscribeOrUnsubscribedGetsNothing() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        Product product = Shop.product(tenant.asAdmin(), 100, 10);

        try (WsClient neverSubscribed = WsClient.connect(tenant.admin().idToken());
             WsClient unsubscribed = WsClient.connect(tenant.admin().idToken())) {
            unsubscribed.subscribe("orders");
            unsubscribed.send("{\"action\":\"unsubscribe\",\"channel\":\"orders\"}");
            unsubscribed.await(m -> m.type().equals("unsubscribed"), Duration.ofSeconds(5));

            placeOrder(tenant.asAdmin(), product.getProductId());

            assertThat(neverSubscribed.drain(QUIET)).isEmpty();
            assertThat(unsubscribed.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void badTokensAndSuspendedTenantsAreRefusedAtTheHandshake() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        String accessToken = LocalSystem.login(tenant.admin().username(), tenant.admin().password()).getTokens().getAccessToken();

        assertThat(refusal("not-a-token")).isEqualTo(401);
        assertThat(refusal(accessToken)).isEqualTo(401);
        assertThat(refusal(LocalSystem.platformAdmin().idToken())).isEqualTo(403);

        TenantsApi platform = new TenantsApi(PlatformAdmin.client());
        platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null);
        try {
            assertThat(refusal(tenant.admin().idToken())).isEqualTo(403);
        } finally {
            platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.ACTIVE), null);
        }
    }

    @Test
    void theProtocolAnswersPingsAndExplainsBadMessagesAndForbiddenChannels() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);

        try (WsClient asMember = WsClient.connect(member.login().idToken());
             WsClient asAdmin = WsClient.connect(tenant.admin().idToken())) {
            asMember.send("{\"action\":\"ping\"}");
            assertThat(asMember.await(m -> true, Duration.ofSeconds(5)).type()).isEqualTo("pong");
            for (String bad : List.of("not json", "{}", "{\"action\":\"dance\"}", "{\"action\":\"subscribe\",\"channel\":\"gossip\"}")) {
                asMember.send(bad);
                assertThat(asMember.await(m -> true, Duration.ofSeconds(5)).type()).as(bad).isEqualTo("error");
            }
            assertThat(asMember.subscribe("analytics").type()).isEqualTo("error");
            assertThat(asAdmin.subscribe("analytics").type()).isEqualTo("subscribed");
        }
    }

    @Test
    void aBurstOfStatusChangesArrivesCompleteAndInOrderPerOrder() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.PREMIUM);
        ApiClient admin = tenant.asAdmin();
        Product product = Shop.product(admin, 100, 1000);
        int orders = 67;
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            orderIds.add(placeOrder(admin, product.getProductId()).getOrderId());
        }

        try (WsClient watcher = WsClient.connect(tenant.admin().idToken())) {
            watcher.subscribe("orders");
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Callable<Void>> walks = orderIds.stream().<Callable<Void>>map(orderId -> () -> {
                    long version = 1;
                    for (OrderStatus next : List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
                        version++;
                        sentAt.put(tenant.id() + ":" + orderId + ":" + version, System.nanoTime());
                        new OrdersApi(admin).changeOrderStatus(orderId, new StatusChange().status(next));
                    }
                    return null;
                }).toList();
                for (var walk : pool.invokeAll(walks)) {
                    walk.get();
                }
            }
            int expected = orders * 3;
            List<WsClient.Received> changes = new ArrayList<>();
            while (changes.size() < expected) {
                changes.add(watcher.await(m -> m.type().equals("order.status_changed"), Duration.ofSeconds(30)));
            }

            Map<String, List<Long>> versionsByOrder = changes.stream().collect(Collectors.groupingBy(
                    m -> m.message().path("orderId").asText(), HashMap::new,
                    Collectors.mapping(m -> m.message().path("version").asLong(), Collectors.toList())));
            assertThat(versionsByOrder.keySet()).containsExactlyInAnyOrderElementsOf(orderIds);
            assertThat(versionsByOrder.values()).allSatisfy(versions -> assertThat(versions).containsExactly(2L, 3L, 4L));

            List<Long> latenciesMicros = changes.stream()
                    .map(m -> (m.receivedNanos() - sentAt.get(m.message().path("eventId").asText())) / 1000)
                    .sorted().toList();
            System.out.printf("[measure] REST status change -> WebSocket receipt over %d changes: p50 %d ms, p99 %d ms, max %d ms%n",
                    latenciesMicros.size(), latenciesMicros.get(latenciesMicros.size() / 2) / 1000,
                    latenciesMicros.get((int) (latenciesMicros.size() * 0.99)) / 1000, latenciesMicros.getLast() / 1000);
        }
    }

    private static int refusal(String token) throws Exception {
        WsClient.Refused refused = catchThrowableOfType(WsClient.Refused.class, () -> WsClient.connect(token).close());
        assertThat(refused).as("the handshake should have been refused").isNotNull();
        return refused.status();
    }
}
