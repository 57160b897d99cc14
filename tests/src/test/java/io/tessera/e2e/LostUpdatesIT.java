package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.ApiResponse;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Product;
import io.tessera.client.model.ProductRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.StatusChange;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.client.model.User;
import io.tessera.client.model.UserChange;
import io.tessera.e2e.support.ETags;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No lost updates: products, users and tenants carry a version as ETag; updates are
 * conditional on the version the client read (412 when stale), a product replacement must say
 * which (428), and stock reservations are never overwritten by a product form read before them.
 */
class LostUpdatesIT {

    private static TestTenant tenant;
    private static TestTenant.Member member;

    @BeforeAll
    static void aTenantWithAMember() throws ApiException {
        tenant = TestTenant.signUp(Tier.STANDARD);
        member = tenant.invite(Role.MEMBERS);
    }

    private static ProductRequest form(Product read) {
        return new ProductRequest().name(read.getName()).priceMinor(read.getPriceMinor()).currency(read.getCurrency()).stock(read.getStock());
    }

    @Test
    void aProductFormReadBeforeAnOrderCannotPutBackTheStockTheOrderTook() throws Exception {
        ApiClient admin = tenant.asAdmin();
        Product read = Shop.product(admin, 100, 10);
        Order order = new OrdersApi(member.client()).placeOrder(UUID.randomUUID().toString(),
                new OrderRequest().addLinesItem(new LineRequest().productId(read.getProductId()).quantity(3)));
        assertThat(Shop.stockOf(admin, read.getProductId())).isEqualTo(7);

        expectProblem(412, () -> new CatalogApi(admin).replaceProduct(read.getProductId(), ETags.of(read.getVersion()), form(read)));
        assertThat(Shop.stockOf(admin, read.getProductId())).isEqualTo(7);

        new OrdersApi(member.client()).changeOrderStatus(order.getOrderId(), new StatusChange().status(OrderStatus.CANCELLED));
        assertThat(Shop.stockOf(admin, read.getProductId())).isEqualTo(10);
    }

    @Test
    void aProductIsReplacedWithTheETagItWasReadWithAndCarriesTheNewOne() throws Exception {
        ApiClient admin = tenant.asAdmin();
        Product created = Shop.product(admin, 100, 10);
        ApiResponse<Product> read = new CatalogApi(admin).getProductWithHttpInfo(created.getProductId());
        String etag = read.getHeaders().get("etag").getFirst();

        ApiResponse<Product> replaced = new CatalogApi(admin).replaceProductWithHttpInfo(created.getProductId(), etag,
                form(read.getData()).stock(12));

        assertThat(etag).isEqualTo(ETags.of(created.getVersion()));
        assertThat(replaced.getData().getStock()).isEqualTo(12);
        assertThat(replaced.getHeaders().get("etag")).containsExactly(ETags.of(created.getVersion() + 1));
        expectProblem(412, () -> new CatalogApi(admin).replaceProduct(created.getProductId(), etag, form(read.getData())));
    }

    @Test
    void aProductReplacementWithoutIfMatchIs428AndWithAWeakOrMalformedOneIsRefused() throws Exception {
        Product product = Shop.product(tenant.asAdmin(), 100, 10);
        String body = "{\"name\":\"Sneaky\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1000}";
        String path = "/products/" + product.getProductId();

        HttpResponse<String> missing = RawHttp.send("PUT", path, tenant.admin().idToken(), body);
        HttpResponse<String> star = RawHttp.sendWithHeaders("PUT", path, tenant.admin().idToken(), body, "If-Match", "*");
        HttpResponse<String> weak = RawHttp.sendWithHeaders("PUT", path, tenant.admin().idToken(), body, "If-Match", "W/\"1\"");
        HttpResponse<String> malformed = RawHttp.sendWithHeaders("PUT", path, tenant.admin().idToken(), body, "If-Match", "v1");

        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(star.statusCode()).isEqualTo(428);
        assertThat(weak.statusCode()).isEqualTo(412);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Shop.stockOf(tenant.asAdmin(), product.getProductId())).isEqualTo(10);
    }

    @Test
    void aStaleIfMatchRefusesEveryConditionalUpdateAndChangesNothing() throws Exception {
        ApiClient admin = tenant.asAdmin();
        TestTenant.Member target = tenant.invite(Role.MEMBERS);
        User user = new UsersApi(admin).getUser(target.userId());
        new UsersApi(admin).changeUser(target.userId(), new UserChange().role(Role.TENANT_ADMINS), ETags.of(user.getVersion()));
        Product product = Shop.product(admin, 100, 5);
        new CatalogApi(admin).replaceProduct(product.getProductId(), ETags.of(product.getVersion()), form(product).name("Renamed"));
        TestTenant other = TestTenant.signUp(Tier.BASIC);
        TenantsApi platform = new TenantsApi(PlatformAdmin.client());
        Tenant tenantRead = platform.getTenant(other.id());
        platform.changeTenant(other.id(), new TenantChange().tier(Tier.STANDARD), ETags.of(tenantRead.getVersion()));

        expectProblem(412, () -> new UsersApi(admin).changeUser(target.userId(), new UserChange().enabled(false), ETags.of(user.getVersion())));
        expectProblem(412, () -> new UsersApi(admin).deleteUser(target.userId(), ETags.of(user.getVersion())));
        expectProblem(412, () -> new CatalogApi(admin).deleteProduct(product.getProductId(), ETags.of(product.getVersion())));
        expectProblem(412, () -> platform.changeTenant(other.id(), new TenantChange().tier(Tier.PREMIUM), ETags.of(tenantRead.getVersion())));

        User unchanged = new UsersApi(admin).getUser(target.userId());
        assertThat(unchanged.getEnabled()).isTrue();
        assertThat(unchanged.getRole()).isEqualTo(Role.TENANT_ADMINS);
        assertThat(new CatalogApi(admin).getProduct(product.getProductId()).getName()).isEqualTo("Renamed");
        assertThat(platform.getTenant(other.id()).getTier()).isEqualTo(Tier.STANDARD);
    }

    @Test
    void usersAndTenantsAreReadWithTheirVersionAsETag() throws Exception {
        ApiResponse<User> user = new UsersApi(tenant.asAdmin()).getUserWithHttpInfo(member.userId());
        ApiResponse<Tenant> tenantRead = new TenantsApi(PlatformAdmin.client()).getTenantWithHttpInfo(tenant.id());

        assertThat(user.getHeaders().get("etag")).containsExactly(ETags.of(user.getData().getVersion()));
        assertThat(tenantRead.getHeaders().get("etag")).containsExactly(ETags.of(tenantRead.getData().getVersion()));
    }
}
