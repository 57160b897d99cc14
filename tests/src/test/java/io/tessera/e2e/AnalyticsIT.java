package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AnalyticsApi;
import io.tessera.client.api.BasketApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.model.AnalyticsSummary;
import io.tessera.client.model.AnalyticsTimeseries;
import io.tessera.client.model.BasketRequest;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.OrderPage;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.StatusChange;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsIT {

    /** Orders and revenue per status, as the summary reports them. */
    private record Figures(long orders, long revenue) {
    }

    @Test
    void afterARandomWorkloadInTwoTenantsEachSummaryMatchesItsOrdersAndARebuildAgrees() throws Exception {
        Random random = new Random(20261122);
        List<TestTenant> tenants = List.of(TestTenant.signUp(Tier.PREMIUM), TestTenant.signUp(Tier.PREMIUM));
        for (TestTenant tenant : tenants) {
            workload(tenant, random);
        }

        for (TestTenant tenant : tenants) {
            ApiClient admin = tenant.asAdmin();
            Map<String, Figures> expected = byStatus(allOrders(admin));
            Eventually.await(Duration.ofSeconds(60), "analytics of " + tenant.id() + " to match its orders", () -> {
                Map<String, Figures> live = byStatus(new AnalyticsApi(admin).getAnalyticsSummary());
                return live.equals(expected) ? Optional.of(live) : Optional.empty();
            });
            long placedToday = allOrders(admin).stream()
                    .filter(order -> order.getStatus() != OrderStatus.REJECTED)
                    .filter(order -> order.getCreatedAt().toLocalDate().equals(OffsetDateTime.now(ZoneOffset.UTC).toLocalDate()))
                    .count();
            assertThat(new AnalyticsApi(admin).getAnalyticsSummary().getToday().getOrders()).isEqualTo(placedToday);
            assertThat(new AnalyticsApi(PlatformAdmin.client()).rebuildAnalytics(tenant.id()).getMatched())
                    .as("rebuilt aggregates equal the live ones").isTrue();
        }
    }

    @Test
    void aSubscribedAdminSeesTheCountsMoveAtMostOncePerSecondAndEndsOnTheFinalState() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.PREMIUM);
        ApiClient admin = tenant.asAdmin();
        Product product = Shop.product(admin, 100, 1000);
        int orders = 30;

        try (WsClient dashboard = WsClient.connect(tenant.admin().idToken())) {
            assertThat(dashboard.subscribe("analytics").type()).isEqualTo("subscribed");
            Instant start = Instant.now();
            for (int i = 0; i < orders; i++) {
                placeOrder(admin, product.getProductId(), 1);
            }
            List<WsClient.Received> updates = new ArrayList<>();
            while (updates.isEmpty() || placed(updates.getLast()) < orders) {
                updates.add(dashboard.await(message -> message.type().equals("analytics.updated"), Duration.ofSeconds(30)));
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

            assertThat(updates.size()).as("%d updates in %.1f s", updates.size(), seconds).isLessThanOrEqualTo((int) Math.ceil(seconds) + 1);
            assertThat(placed(updates.getLast())).isEqualTo(orders);
        }
    }

    @Test
    void membersCannotReadAnalyticsAndATenantSeesOnlyItsOwnFigures() throws Exception {
        TestTenant busy = TestTenant.signUp(Tier.STANDARD);
        Product product = Shop.product(busy.asAdmin(), 100, 100);
        placeOrder(busy.asAdmin(), product.getProductId(), 1);
        TestTenant quiet = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = busy.invite(Role.MEMBERS);

        expectProblem(403, () -> new AnalyticsApi(member.client()).getAnalyticsSummary());
        expectProblem(403, () -> new AnalyticsApi(member.client()).getAnalyticsTimeseries("orders", "minute",
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now(), null));
        AnalyticsSummary empty = new AnalyticsApi(quiet.asAdmin()).getAnalyticsSummary();
        assertThat(empty.getByStatus()).isEmpty();
        assertThat(empty.getTopProducts()).isEmpty();
        assertThat(empty.getToday().getOrders()).isZero();
    }

    @Test
    void theMinuteSeriesCountsTheOrdersPlacedAndBadRangesAre400() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        ApiClient admin = tenant.asAdmin();
        Product product = Shop.product(admin, 250, 100);
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        for (int i = 0; i < 4; i++) {
            placeOrder(admin, product.getProductId(), 2);
        }
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(2);
        AnalyticsApi analytics = new AnalyticsApi(admin);

        AnalyticsTimeseries orders = Eventually.await(Duration.ofSeconds(30), "4 orders in the minute series", () -> {
            AnalyticsTimeseries series = analytics.getAnalyticsTimeseries("orders", "minute", from, to, null);
            return series.getPoints().stream().mapToLong(point -> Long.parseLong(point.getValue())).sum() == 4 ? Optional.of(series) : Optional.empty();
        });
        AnalyticsTimeseries revenue = analytics.getAnalyticsTimeseries("revenue", "minute", from, to, "EUR");

        assertThat(orders.getPoints()).hasSize((int) ChronoUnit.MINUTES.between(from.truncatedTo(ChronoUnit.MINUTES), to) + 1);
        assertThat(revenue.getPoints().stream().mapToLong(point -> Long.parseLong(point.getValue())).sum()).isEqualTo(2000L);
        expectProblem(400, () -> analytics.getAnalyticsTimeseries("revenue", "minute", from, to, null));
        expectProblem(400, () -> analytics.getAnalyticsTimeseries("orders", "minute", to, from, null));
        expectProblem(400, () -> analytics.getAnalyticsTimeseries("orders", "minute", from.minusDays(2), to, null));
        expectProblem(400, () -> analytics.getAnalyticsTimeseries("orders", "day", from.minusYears(2), to, null));
    }

    private static void workload(TestTenant tenant, Random random) throws Exception {
        ApiClient admin = tenant.asAdmin();
        List<Product> products = List.of(Shop.product(admin, 1250, 1000), Shop.product(admin, 399, 1000), Shop.product(admin, 10_000, 1));
        List<Order> orders = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            int choice = random.nextInt(10);
            if (choice < 5 || orders.isEmpty()) {
                Product product = products.get(random.nextInt(2));
                orders.add(placeOrder(admin, product.getProductId(), 1 + random.nextInt(3)));
            } else if (choice < 9) {
                Order order = orders.get(random.nextInt(orders.size()));
                List<OrderStatus> next = switch (new OrdersApi(admin).getOrder(order.getOrderId()).getStatus()) {
                    case PLACED -> List.of(OrderStatus.PAID, OrderStatus.CANCELLED);
                    case PAID -> List.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED);
                    case SHIPPED -> List.of(OrderStatus.DELIVERED);
                    default -> List.of();
                };
                if (!next.isEmpty()) {
                    new OrdersApi(admin).changeOrderStatus(order.getOrderId(), new StatusChange().status(next.get(random.nextInt(next.size()))));
                }
            } else {
                new BasketApi(admin).replaceBasket(new BasketRequest().addLinesItem(
                        new LineRequest().productId(products.get(2).getProductId()).quantity(5)));
                Shop.awaitOrder(admin, new BasketApi(admin).checkout().getOrderId());
            }
        }
    }

    private static Order placeOrder(ApiClient client, String productId, int quantity) throws ApiException {
        return new OrdersApi(client).placeOrder(UUID.randomUUID().toString(),
                new OrderRequest().addLinesItem(new LineRequest().productId(productId).quantity(quantity)));
    }

    private static List<Order> allOrders(ApiClient admin) throws ApiException {
        List<Order> all = new ArrayList<>();
        String cursor = null;
        do {
            OrderPage page = new OrdersApi(admin).listOrders(null, 100, cursor);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    private static Map<String, Figures> byStatus(List<Order> orders) {
        Map<String, Figures> figures = new TreeMap<>();
        orders.forEach(order -> figures.merge(order.getStatus().getValue(), new Figures(1, order.getTotalMinor()),
                (a, b) -> new Figures(a.orders() + b.orders(), a.revenue() + b.revenue())));
        return figures;
    }

    private static Map<String, Figures> byStatus(AnalyticsSummary summary) {
        Map<String, Figures> figures = new TreeMap<>();
        summary.getByStatus().forEach(status -> figures.put(status.getStatus().getValue(),
                new Figures(status.getOrders(), Long.parseLong(status.getRevenueMinor().getOrDefault("EUR", "0")))));
        return figures;
    }

    private static long placed(WsClient.Received update) {
        long placed = 0;
        for (var status : update.message().path("summary").path("byStatus")) {
            placed += status.path("orders").asLong();
        }
        return placed;
    }
}
