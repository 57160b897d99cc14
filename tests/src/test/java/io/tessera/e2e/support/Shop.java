package io.tessera.e2e.support;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.BasketApi;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.model.BasketRequest;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.Product;
import io.tessera.client.model.ProductRequest;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Small steps of the commerce flows, through the generated client. */
public final class Shop {

    private Shop() {
    }

    public static Product product(ApiClient admin, long priceMinor, int stock) throws ApiException {
        return new CatalogApi(admin).createProduct(new ProductRequest()
                .name("Product " + UUID.randomUUID().toString().substring(0, 6)).priceMinor(priceMinor).currency("EUR").stock(stock));
    }

    public static int stockOf(ApiClient client, String productId) throws ApiException {
        return new CatalogApi(client).getProduct(productId).getStock();
    }

    /** Fills the basket with one line and checks it out; returns the order id to come. */
    public static String checkout(ApiClient buyer, String productId, int quantity) throws ApiException {
        new BasketApi(buyer).replaceBasket(new BasketRequest().addLinesItem(new LineRequest().productId(productId).quantity(quantity)));
        return new BasketApi(buyer).checkout().getOrderId();
    }

    /** The order the order creator writes for a checkout, once it exists. */
    public static Order awaitOrder(ApiClient buyer, String orderId) throws Exception {
        OrdersApi orders = new OrdersApi(buyer);
        return Eventually.await(Duration.ofSeconds(20), "order " + orderId, () -> {
            try {
                return Optional.of(orders.getOrder(orderId));
            } catch (ApiException e) {
                if (e.getCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
