package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.OrderPage;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.StatusChange;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class OrdersIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void aTenant() throws ApiException {
        tenant = TestTenant.signUp(Tier.PREMIUM);
        admin = tenant.asAdmin();
    }

    private static OrderRequest lines(String productId, int quantity) {
        return new OrderRequest().addLinesItem(new LineRequest().productId(productId).quantity(quantity));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameOrderAndReserveStockOnce() throws ApiException {
        Product product = Shop.product(admin, 300, 10);
        OrdersApi orders = new OrdersApi(tenant.invite(Role.MEMBERS).client());
        String key = key();

        Order first = orders.placeOrder(key, lines(product.getProductId(), 3));
        Order again = orders.placeOrder(key, lines(product.getProductId(), 3));

        assertThat(again.getOrderId()).isEqualTo(first.getOrderId());
        assertThat(first.getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(7);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws ApiException {
        Product product = Shop.product(admin, 300, 10);
        OrdersApi orders = new OrdersApi(admin);
        String key = key();
        orders.placeOrder(key, lines(product.getProductId(), 1));

        expectProblem(422, () -> orders.placeOrder(key, lines(product.getProductId(), 2)));
        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(9);
    }

    @Test
    void anOutOfStockDirectOrderIs409AndWritesNothing() throws ApiException {
        Product product = Shop.product(admin, 300, 1);
        OrdersApi orders = new OrdersApi(admin);
        int before = orders.listOrders(null, 100, null).getItems().size();

        expectProblem(409, () -> orders.placeOrder(key(), lines(product.getProductId(), 2)));

        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(1);
        assertThat(orders.listOrders(null, 100, null).getItems()).hasSize(before);
    }

    @Test
    void theStatusMachineAllowsOnlyItsTransitions() throws ApiException {
        Product product = Shop.product(admin, 300, 10);
        OrdersApi orders = new OrdersApi(admin);
        Order order = orders.placeOrder(key(), lines(product.getProductId(), 1));
        String id = order.getOrderId();

        expectProblem(409, () -> orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.SHIPPED)));
        expectProblem(409, () -> orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.REJECTED)));
        assertThat(orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.PAID)).getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.SHIPPED)).getStatus()).isEqualTo(OrderStatus.SHIPPED);
        expectProblem(409, () -> orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.CANCELLED)));
        Order delivered = orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.DELIVERED));
        assertThat(delivered.getStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.getVersion()).isEqualTo(4L);
        expectProblem(409, () -> orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.PLACED)));
    }

    @Test
    void ofConcurrentIdenticalTransitionsExactlyOneWins() throws Exception {
        Product product = Shop.product(admin, 300, 10);
        String id = new OrdersApi(admin).placeOrder(key(), lines(product.getProductId(), 1)).getOrderId();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    try {
                        return new OrdersApi(admin).changeOrderStatusWithHttpInfo(id, new StatusChange().status(OrderStatus.PAID)).getStatusCode();
                    } catch (ApiException e) {
                        return e.getCode();
                    }
                });
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
        assertThat(new OrdersApi(admin).getOrder(id).getVersion()).isEqualTo(2L);
    }

    @Test
    void cancellingPutsTheStockBack() throws ApiException {
        Product product = Shop.product(admin, 300, 10);
        OrdersApi orders = new OrdersApi(admin);
        String id = orders.placeOrder(key(), lines(product.getProductId(), 4)).getOrderId();
        orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.PAID));
        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(6);

        orders.changeOrderStatus(id, new StatusChange().status(OrderStatus.CANCELLED));

        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(10);
    }

    @Test
    void membersCancelTheirOwnPlacedOrdersAndNothingElse() throws ApiException {
        Product product = Shop.product(admin, 300, 10);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        OrdersApi asMember = new OrdersApi(member.client());
        String mine = asMember.placeOrder(key(), lines(product.getProductId(), 1)).getOrderId();
        String paid = asMember.placeOrder(key(), lines(product.getProductId(), 1)).getOrderId();
        new OrdersApi(admin).changeOrderStatus(paid, new StatusChange().status(OrderStatus.PAID));

        expectProblem(403, () -> asMember.changeOrderStatus(mine, new StatusChange().status(OrderStatus.PAID)));
        expectProblem(403, () -> asMember.changeOrderStatus(paid, new StatusChange().status(OrderStatus.CANCELLED)));
        assertThat(asMember.changeOrderStatus(mine, new StatusChange().status(OrderStatus.CANCELLED)).getStatus())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void membersSeeOnlyTheirOwnOrdersAndAdminsSeeAllFilteredAndPaged() throws ApiException {
        Product product = Shop.product(admin, 300, 50);
        TestTenant.Member alice = tenant.invite(Role.MEMBERS);
        TestTenant.Member bob = tenant.invite(Role.MEMBERS);
        String alicesOrder = new OrdersApi(alice.client()).placeOrder(key(), lines(product.getProductId(), 1)).getOrderId();
        String bobsOrder = new OrdersApi(bob.client()).placeOrder(key(), lines(product.getProductId(), 1)).getOrderId();
        new OrdersApi(admin).changeOrderStatus(bobsOrder, new StatusChange().status(OrderStatus.PAID));

        assertThat(new OrdersApi(alice.client()).listOrders(null, 100, null).getItems())
                .extracting(Order::getOrderId).containsExactly(alicesOrder);
        expectProblem(404, () -> new OrdersApi(alice.client()).getOrder(bobsOrder));
        expectProblem(404, () -> new OrdersApi(alice.client()).changeOrderStatus(bobsOrder, new StatusChange().status(OrderStatus.CANCELLED)));
        assertThat(new OrdersApi(admin).listOrders(OrderStatus.PAID, 100, null).getItems())
                .extracting(Order::getOrderId).contains(bobsOrder).doesNotContain(alicesOrder)
                .allSatisfy(id -> assertThat(new OrdersApi(admin).getOrder(id).getStatus()).isEqualTo(OrderStatus.PAID));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            OrderPage page = new OrdersApi(admin).listOrders(null, 2, cursor);
            page.getItems().forEach(order -> paged.add(order.getOrderId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertThat(paged).contains(alicesOrder, bobsOrder).doesNotHaveDuplicates();
    }

    @Test
    void anotherTenantsOrderIs404AndUntouched() throws ApiException {
        TestTenant other = TestTenant.signUp(Tier.STANDARD);
        Product theirProduct = Shop.product(other.asAdmin(), 100, 5);
        String theirs = new OrdersApi(other.asAdmin()).placeOrder(key(), lines(theirProduct.getProductId(), 1)).getOrderId();

        expectProblem(404, () -> new OrdersApi(admin).getOrder(theirs));
        expectProblem(404, () -> new OrdersApi(admin).changeOrderStatus(theirs, new StatusChange().status(OrderStatus.CANCELLED)));
        expectProblem(422, () -> new OrdersApi(admin).placeOrder(key(), lines(theirProduct.getProductId(), 1)));
        assertThat(new OrdersApi(other.asAdmin()).getOrder(theirs).getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(Shop.stockOf(other.asAdmin(), theirProduct.getProductId())).isEqualTo(4);
    }

    @Test
    void concurrentDirectOrdersOfTheLastUnitPlaceExactlyOne() throws Exception {
        Product lastUnit = Shop.product(admin, 100, 1);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> {
                    try {
                        return new OrdersApi(admin).placeOrderWithHttpInfo(key(), lines(lastUnit.getProductId(), 1)).getStatusCode();
                    } catch (ApiException e) {
                        return e.getCode();
                    }
                });
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(201);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        assertThat(Shop.stockOf(admin, lastUnit.getProductId())).isZero();
    }
}
