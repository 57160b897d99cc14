package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.BasketApi;
import io.tessera.client.model.Basket;
import io.tessera.client.model.BasketRequest;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CheckoutIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void aTenant() throws ApiException {
        tenant = TestTenant.signUp(Tier.PREMIUM);
        admin = tenant.asAdmin();
    }

    @Test
    void aCheckoutBecomesAPlacedOrderWithStockReservedAndTheBasketEmptied() throws Exception {
        Product product = Shop.product(admin, 1250, 5);
        ApiClient member = tenant.invite(Role.MEMBERS).client();

        String orderId = Shop.checkout(member, product.getProductId(), 2);
        Order order = Shop.awaitOrder(member, orderId);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.getTotalMinor()).isEqualTo(2500L);
        assertThat(order.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getProductId()).isEqualTo(product.getProductId());
            assertThat(line.getQuantity()).isEqualTo(2);
            assertThat(line.getUnitPriceMinor()).isEqualTo(1250L);
        });
        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(3);
        assertThat(new BasketApi(member).getBasket().getLines()).isEmpty();
    }

    @Test
    void aCheckoutOfTooManyUnitsIsRejectedAndLeavesStockAndBasketAsTheyWere() throws Exception {
        Product product = Shop.product(admin, 500, 1);
        ApiClient member = tenant.invite(Role.MEMBERS).client();

        String orderId = Shop.checkout(member, product.getProductId(), 2);
        Order order = Shop.awaitOrder(member, orderId);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getRejectionReason()).contains("Out of stock").contains(product.getProductId());
        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(1);
        Basket basket = new BasketApi(member).getBasket();
        assertThat(basket.getLines()).hasSize(1);
        assertThat(basket.getCheckoutId()).isNull();
    }

    @Test
    void checkingOutTwiceWhileTheFirstRunsGivesTheSameOrder() throws Exception {
        Product product = Shop.product(admin, 100, 10);
        ApiClient member = tenant.invite(Role.MEMBERS).client();
        BasketApi basket = new BasketApi(member);
        basket.replaceBasket(new BasketRequest().addLinesItem(new LineRequest().productId(product.getProductId()).quantity(1)));

        String first = basket.checkout().getOrderId();
        String second;
        try {
            second = basket.checkout().getOrderId();
        } catch (ApiException e) {
            // The first checkout finished already and emptied the basket.
            assertThat(e.getCode()).isEqualTo(422);
            second = first;
        }

        assertThat(second).isEqualTo(first);
        Shop.awaitOrder(member, first);
        assertThat(Shop.stockOf(admin, product.getProductId())).isEqualTo(9);
    }

    @Test
    void theBasketIsLockedWhileItsCheckoutRunsAndAnEmptyBasketCannotCheckOut() throws Exception {
        ApiClient member = tenant.invite(Role.MEMBERS).client();

        expectProblem(422, () -> new BasketApi(member).checkout());
    }

    @Test
    void concurrentCheckoutsOfTheLastUnitPlaceExactlyOneOrderAndStockNeverGoesNegative() throws Exception {
        Product lastUnit = Shop.product(admin, 999, 1);
        List<ApiClient> buyers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient buyer = tenant.invite(Role.MEMBERS).client();
            new BasketApi(buyer).replaceBasket(new BasketRequest().addLinesItem(
                    new LineRequest().productId(lastUnit.getProductId()).quantity(1)));
            buyers.add(buyer);
        }

        List<String> orderIds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(buyers.size())) {
            List<Callable<String>> checkouts = buyers.stream()
                    .<Callable<String>>map(buyer -> () -> new BasketApi(buyer).checkout().getOrderId()).toList();
            for (Future<String> result : pool.invokeAll(checkouts)) {
                orderIds.add(result.get());
            }
        }
        List<OrderStatus> outcomes = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            outcomes.add(Shop.awaitOrder(buyers.get(i), orderIds.get(i)).getStatus());
        }

        assertThat(outcomes).containsOnlyOnce(OrderStatus.PLACED);
        assertThat(outcomes).filteredOn(status -> status == OrderStatus.REJECTED).hasSize(buyers.size() - 1);
        assertThat(Shop.stockOf(admin, lastUnit.getProductId())).isZero();
    }

    @Test
    void aBasketWithAnotherTenantsProductIsRefused() throws ApiException {
        TestTenant other = TestTenant.signUp(Tier.STANDARD);
        Product theirs = Shop.product(other.asAdmin(), 100, 5);

        expectProblem(422, () -> new BasketApi(admin).replaceBasket(new BasketRequest()
                .addLinesItem(new LineRequest().productId(theirs.getProductId()).quantity(1))));
        assertThat(Shop.stockOf(other.asAdmin(), theirs.getProductId())).isEqualTo(5);
    }
}
