package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UploadsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.UploadRequest;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page cursors are bound to the listing that handed them out, its filters, the tenant and the
 * caller: every listing refuses every other listing's cursor, and hand-made or edited
 * cursors, with 400 and never a 5xx or another listing's page.
 */
class CursorsIT {

    /** One page request of a listing, as a given caller makes it. */
    @FunctionalInterface
    private interface Listing {
        String nextCursorOf(String cursor) throws ApiException;
    }

    private static TestTenant tenant;
    private static TestTenant.Member member;
    private static Map<String, Listing> listings;

    @BeforeAll
    static void aTenantWithTwoOfEverything() throws ApiException {
        tenant = TestTenant.signUp(Tier.PREMIUM);
        member = tenant.invite(Role.MEMBERS);
        ApiClient admin = tenant.asAdmin();
        ApiClient platform = PlatformAdmin.client();
        Product product = Shop.product(admin, 100, 100);
        Shop.product(admin, 200, 100);
        for (ApiClient buyer : new ApiClient[]{admin, admin, member.client(), member.client()}) {
            new OrdersApi(buyer).placeOrder(UUID.randomUUID().toString(),
                    new OrderRequest().addLinesItem(new LineRequest().productId(product.getProductId()).quantity(1)));
        }
        for (ApiClient uploader : new ApiClient[]{admin, admin, member.client(), member.client()}) {
            new UploadsApi(uploader).requestUpload(new UploadRequest().fileName("a.png").contentType(UploadRequest.ContentTypeEnum.IMAGE_PNG).sizeBytes(10L));
        }
        TestTenant.signUp(Tier.BASIC);

        listings = new LinkedHashMap<>();
        listings.put("products", cursor -> new CatalogApi(admin).listProducts(1, cursor).getNextCursor());
        listings.put("users", cursor -> new UsersApi(admin).listUsers(1, cursor).getNextCursor());
        listings.put("audit", cursor -> new AuditApi(admin).listAudit(1, cursor).getNextCursor());
        listings.put("orders", cursor -> new OrdersApi(admin).listOrders(null, 1, cursor).getNextCursor());
        listings.put("orders?status=PLACED", cursor -> new OrdersApi(admin).listOrders(OrderStatus.PLACED, 1, cursor).getNextCursor());
        listings.put("a member's orders", cursor -> new OrdersApi(member.client()).listOrders(null, 1, cursor).getNextCursor());
        listings.put("uploads", cursor -> new UploadsApi(admin).listUploads(1, cursor).getNextCursor());
        listings.put("a member's uploads", cursor -> new UploadsApi(member.client()).listUploads(1, cursor).getNextCursor());
        listings.put("tenants", cursor -> new TenantsApi(platform).listTenants(1, cursor).getNextCursor());
    }

    @Test
    void everyListingHandsOutACursorThatLeadsToItsNextPage() throws ApiException {
        for (Map.Entry<String, Listing> listing : listings.entrySet()) {
            String first = listing.getValue().nextCursorOf(null);
            assertThat(first).as("the first page of %s has a next one", listing.getKey()).isNotNull();
            assertThat(listing.getValue().nextCursorOf(first)).as("the second page of %s", listing.getKey()).isNotEqualTo(first);
        }
    }

    @Test
    void everyListingRefusesTheCursorsOfEveryOtherListing() throws ApiException {
        Map<String, String> cursors = new LinkedHashMap<>();
        for (Map.Entry<String, Listing> listing : listings.entrySet()) {
            cursors.put(listing.getKey(), listing.getValue().nextCursorOf(null));
        }
        for (Map.Entry<String, Listing> listing : listings.entrySet()) {
            cursors.forEach((source, cursor) -> {
                if (!source.equals(listing.getKey())) {
                    expectProblem(400, () -> listing.getValue().nextCursorOf(cursor));
                }
            });
        }
    }

    @Test
    void anotherTenantsAdminCannotUseACursorOfThisTenant() throws ApiException {
        String ours = new CatalogApi(tenant.asAdmin()).listProducts(1, null).getNextCursor();
        TestTenant other = TestTenant.signUp(Tier.BASIC);
        Shop.product(other.asAdmin(), 100, 1);
        Shop.product(other.asAdmin(), 100, 1);

        expectProblem(400, () -> new CatalogApi(other.asAdmin()).listProducts(1, ours));
    }

    @Test
    void handMadeAndEditedCursorsAreRefusedAt400NotWithA5xx() throws ApiException {
        String real = new CatalogApi(tenant.asAdmin()).listProducts(1, null).getNextCursor();
        String edited = real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
        String partitionOnly = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("pk\u001fTENANT#" + tenant.id() + "\u001f").getBytes(StandardCharsets.UTF_8));

        for (String forged : new String[]{edited, partitionOnly, "AAAA", "a"}) {
            for (Listing listing : listings.values()) {
                expectProblem(400, () -> listing.nextCursorOf(forged));
            }
        }
    }
}
