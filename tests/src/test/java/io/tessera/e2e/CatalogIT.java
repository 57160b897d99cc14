package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.model.Product;
import io.tessera.client.model.ProductRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.ETags;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogIT {

    private static TestTenant tenant;
    private static TestTenant.Member member;

    @BeforeAll
    static void aTenantWithAMember() throws ApiException {
        tenant = TestTenant.signUp(Tier.STANDARD);
        member = tenant.invite(Role.MEMBERS);
    }

    @Test
    void anAdminCreatesReplacesAndDeletesAProductThatMembersRead() throws ApiException {
        CatalogApi admin = new CatalogApi(tenant.asAdmin());
        Product created = admin.createProduct(new ProductRequest().name("Lamp").description("A desk lamp")
                .priceMinor(4999L).currency("EUR").stock(7));

        assertThat(new CatalogApi(member.client()).getProduct(created.getProductId()).getName()).isEqualTo("Lamp");
        Product replaced = admin.replaceProduct(created.getProductId(), ETags.of(created.getVersion()), new ProductRequest().name("Lamp XL")
                .priceMinor(5999L).currency("EUR").stock(3));
        assertThat(replaced.getPriceMinor()).isEqualTo(5999L);
        assertThat(replaced.getStock()).isEqualTo(3);
        assertThat(replaced.getCreatedAt()).isEqualTo(created.getCreatedAt());
        assertThat(new CatalogApi(member.client()).listProducts(100, null).getItems())
                .extracting(Product::getProductId).contains(created.getProductId());

        admin.deleteProduct(created.getProductId(), null);

        expectProblem(404, () -> admin.getProduct(created.getProductId()));
    }

    @Test
    void membersCannotWriteTheCatalog() throws ApiException {
        Product product = Shop.product(tenant.asAdmin(), 100, 1);
        CatalogApi asMember = new CatalogApi(member.client());

        expectProblem(403, () -> asMember.createProduct(new ProductRequest().name("X").priceMinor(1L).currency("EUR").stock(1)));
        expectProblem(403, () -> asMember.replaceProduct(product.getProductId(), ETags.of(product.getVersion()),
                new ProductRequest().name("X").priceMinor(1L).currency("EUR").stock(1)));
        expectProblem(403, () -> asMember.deleteProduct(product.getProductId(), null));
        assertThat(asMember.getProduct(product.getProductId()).getName()).isEqualTo(product.getName());
    }

    @Test
    void anotherTenantsProductIs404EverywhereAndUnchanged() throws ApiException {
        TestTenant other = TestTenant.signUp(Tier.STANDARD);
        Product theirs = Shop.product(other.asAdmin(), 100, 5);
        CatalogApi asUs = new CatalogApi(tenant.asAdmin());

        expectProblem(404, () -> asUs.getProduct(theirs.getProductId()));
        expectProblem(404, () -> asUs.replaceProduct(theirs.getProductId(), ETags.of(theirs.getVersion()),
                new ProductRequest().name("Mine now").priceMinor(1L).currency("EUR").stock(0)));
        expectProblem(404, () -> asUs.deleteProduct(theirs.getProductId(), null));

        Product unchanged = new CatalogApi(other.asAdmin()).getProduct(theirs.getProductId());
        assertThat(unchanged.getName()).isEqualTo(theirs.getName());
        assertThat(unchanged.getStock()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{bad json",
            "{}",
            "{\"name\":\"\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"\\u200B\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"cup\\u0007\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"\\u202Egnp.exe\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"X\",\"priceMinor\":-1,\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"X\",\"priceMinor\":1.5,\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"X\",\"priceMinor\":\"1\",\"currency\":\"EUR\",\"stock\":1}",
            "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"EURO\",\"stock\":1}",
            "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"eur\",\"stock\":1}",
            "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":-1}",
            "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1,\"imageUploadId\":\"../x\"}",
            "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1,\"color\":\"red\"}"
    })
    void brokenProductsGet400AndNothingIsWritten(String body) throws ApiException {
        int before = new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems().size();

        assertThat(RawHttp.send("POST", "/products", tenant.admin().idToken(), body).statusCode()).isEqualTo(400);

        assertThat(new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems()).hasSize(before);
    }

    @Test
    void aWellFormedCodeThatIsNoCurrencyGets422AndNothingIsWritten() throws ApiException {
        int before = new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems().size();

        assertThat(RawHttp.send("POST", "/products", tenant.admin().idToken(),
                "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"XYZ\",\"stock\":1}").statusCode()).isEqualTo(422);

        assertThat(new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems()).hasSize(before);
    }
}
