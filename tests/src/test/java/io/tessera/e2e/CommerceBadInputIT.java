package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.BasketApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.model.Product;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken bodies, headers and parameters on the basket and orders endpoints: 400, nothing written. */
class CommerceBadInputIT {

    private static TestTenant tenant;
    private static String token;
    private static Product product;

    @BeforeAll
    static void aTenantWithAProduct() throws ApiException {
        tenant = TestTenant.signUp(Tier.PREMIUM);
        token = tenant.admin().idToken();
        product = Shop.product(tenant.asAdmin(), 100, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{bad json", "{}", "{\"lines\":{}}", "{\"lines\":[{}]}", "{\"lines\":[{\"productId\":\"P\",\"quantity\":0}]}",
            "{\"lines\":[{\"productId\":\"P\",\"quantity\":101}]}", "{\"lines\":[{\"productId\":\"P\",\"quantity\":\"2\"}]}",
            "{\"lines\":[{\"productId\":\"../etc\",\"quantity\":1}]}", "{\"lines\":[{\"productId\":\"P\",\"quantity\":1,\"price\":0}]}"
    })
    void brokenBasketsGet400AndTheBasketStaysEmpty(String body) throws ApiException {
        assertProblem(RawHttp.send("PUT", "/basket", token, body.replace("\"P\"", "\"" + product.getProductId() + "\"")), 400);

        assertThat(new BasketApi(tenant.asAdmin()).getBasket().getLines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{bad json", "{}", "{\"lines\":[]}", "{\"lines\":[{\"productId\":\"P\",\"quantity\":-3}]}",
            "{\"lines\":[{\"productId\":\"P\",\"quantity\":1.5}]}", "{\"lines\":\"P\"}"
    })
    void brokenOrdersGet400AndNothingIsOrdered(String body) throws ApiException {
        int before = new OrdersApi(tenant.asAdmin()).listOrders(null, 100, null).getItems().size();

        assertProblem(RawHttp.sendWithHeaders("POST", "/orders", token,
                body.replace("\"P\"", "\"" + product.getProductId() + "\""), "Idempotency-Key", "k-" + body.hashCode()), 400);

        assertThat(new OrdersApi(tenant.asAdmin()).listOrders(null, 100, null).getItems()).hasSize(before);
        assertThat(Shop.stockOf(tenant.asAdmin(), product.getProductId())).isEqualTo(10);
    }

    @Test
    void anOrderWithoutOrWithABadIdempotencyKeyGets400() throws ApiException {
        String body = "{\"lines\":[{\"productId\":\"" + product.getProductId() + "\",\"quantity\":1}]}";

        assertProblem(RawHttp.send("POST", "/orders", token, body), 400);
        assertProblem(RawHttp.sendWithHeaders("POST", "/orders", token, body, "Idempotency-Key", "has spaces"), 400);
        assertProblem(RawHttp.sendWithHeaders("POST", "/orders", token, body, "Idempotency-Key", "x".repeat(129)), 400);
        assertThat(Shop.stockOf(tenant.asAdmin(), product.getProductId())).isEqualTo(10);
    }

    @Test
    void brokenStatusChangesAndListParametersGet400() {
        for (String body : List.of("{bad", "{}", "{\"status\":\"LOST\"}", "{\"status\":\"paid\"}", "{\"status\":1}")) {
            assertProblem(RawHttp.send("POST", "/orders/some-order/status", token, body), 400);
        }
        for (String path : List.of("/orders?status=LOST", "/orders?status=paid", "/orders?status=", "/orders?limit=0",
                "/orders?limit=", "/orders?cursor=abc", "/orders/bad%20id", "/products?limit=1000", "/products/bad%2Fid")) {
            assertProblem(RawHttp.send("GET", path, token, null), 400);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }
}
