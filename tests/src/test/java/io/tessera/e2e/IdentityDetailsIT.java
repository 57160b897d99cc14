package io.tessera.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.ConfirmRequest;
import io.tessera.client.model.Invitation;
import io.tessera.client.model.InviteRequest;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.SignupRequest;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The identity and protocol details clients trip over (issue: trust boundaries, item 7). */
class IdentityDetailsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmailSignsInInAnyCaseAndIsOneAccountWhateverItsCase() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String typed = "Admin-Mixed-" + unique + "@Example.test";
        String code = new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest().companyName("Mixed " + unique).adminEmail(typed)
                .password(TestTenant.PASSWORD).tier(Tier.BASIC)).getConfirmationCode();
        new AuthApi(LocalSystem.anonymous()).confirmSignUp(new ConfirmRequest().username(typed.toLowerCase()).code(code));

        assertThat(LocalSystem.login(typed, TestTenant.PASSWORD).getTokens()).isNotNull();
        assertThat(LocalSystem.login(typed.toUpperCase(), TestTenant.PASSWORD).getTokens()).isNotNull();
        expectProblem(409, () -> new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest().companyName("Again " + unique)
                .adminEmail(typed.toLowerCase()).password(TestTenant.PASSWORD).tier(Tier.BASIC)));
    }

    @Test
    void anInvitationIsOneAccountWhateverTheCaseOfTheEmail() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        String email = "New-Person-" + UUID.randomUUID().toString().substring(0, 6) + "@Example.test";

        Invitation invitation = new UsersApi(tenant.asAdmin()).inviteUser(new InviteRequest().email(email).role(Role.MEMBERS));

        assertThat(invitation.getUser().getUsername()).isEqualTo(email.toLowerCase());
        expectProblem(409, () -> new UsersApi(tenant.asAdmin()).inviteUser(new InviteRequest().email(email.toUpperCase()).role(Role.MEMBERS)));
        assertThat(LocalSystem.login(email.toUpperCase(), invitation.getTemporaryPassword()).getChallenge()).isNotNull();
    }

    @Test
    void browsersMayReadEveryResponseHeaderTheContractTellsClientsToRead() {
        for (String path : List.of("/health", "/products/does-not-exist")) {
            HttpResponse<String> response = RawHttp.sendWithHeaders("GET", path, null, null, "Origin", "http://localhost:5173");

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("http://localhost:5173");
            assertThat(response.headers().allValues("Access-Control-Expose-Headers").stream()
                    .flatMap(value -> List.of(value.split(",")).stream()).map(String::strip).map(String::toLowerCase).toList())
                    .as(path).contains("x-correlation-id", "retry-after", "location", "etag");
        }
    }

    @Test
    void aSingleValueHeaderSentTwiceIs400() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        String token = tenant.admin().idToken();
        Product product = Shop.product(tenant.asAdmin(), 100, 5);
        String order = "{\"lines\":[{\"productId\":\"" + product.getProductId() + "\",\"quantity\":1}]}";
        String form = "{\"name\":\"X\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}";

        assertThat(RawHttp.sendWithHeaders("GET", "/me", token, null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(400);
        assertThat(RawHttp.sendWithHeaders("POST", "/orders", token, order, "Idempotency-Key", "a", "Idempotency-Key", "b").statusCode())
                .isEqualTo(400);
        assertThat(RawHttp.sendWithHeaders("PUT", "/products/" + product.getProductId(), token, form,
                "If-Match", "\"1\"", "If-Match", "\"1\"").statusCode()).isEqualTo(400);
        assertThat(RawHttp.sendWithHeaders("GET", "/me", token, null, "X-Correlation-Id", "a", "X-Correlation-Id", "b").statusCode())
                .isEqualTo(400);
        assertThat(Shop.stockOf(tenant.asAdmin(), product.getProductId())).isEqualTo(5);
        HttpResponse<String> fromABrowser = RawHttp.sendWithHeaders("GET", "/me", token, null,
                "Authorization", "Bearer " + token, "Origin", "http://localhost:5173");
        assertThat(fromABrowser.statusCode()).isEqualTo(400);
        assertThat(fromABrowser.headers().firstValue("Access-Control-Allow-Origin")).as("a browser may read this 400").isPresent();
    }

    @Test
    void anEmailOutsideAsciiIs400OnSignupAndInvitationAndNoAccountIsMade() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        int users = new UsersApi(tenant.asAdmin()).listUsers(100, null).getItems().size();

        for (String lookAlike : List.of("\u212Aelvin@" + tenant.admin().username().split("@")[1], "\u0130nfo@example.test",
                "caf\u00e9@example.test")) {
            HttpResponse<String> invite = RawHttp.send("POST", "/users", tenant.admin().idToken(),
                    "{\"email\":\"" + lookAlike + "\",\"role\":\"members\"}");
            HttpResponse<String> signup = RawHttp.send("POST", "/tenants", null, "{\"companyName\":\"Look-alike\",\"adminEmail\":\""
                    + lookAlike + "\",\"password\":\"" + TestTenant.PASSWORD + "\",\"tier\":\"basic\"}");

            assertThat(invite.statusCode()).as(lookAlike).isEqualTo(400);
            assertThat(JSON.readTree(invite.body()).path("errors").toString()).contains("email");
            assertThat(signup.statusCode()).as(lookAlike).isEqualTo(400);
        }
        assertThat(new UsersApi(tenant.asAdmin()).listUsers(100, null).getItems()).hasSize(users);
    }

    @Test
    void theIdempotencyKeyOfTheIetfDraftAndTheBareTokenAreTheSameKey() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        Product product = Shop.product(tenant.asAdmin(), 100, 5);
        String order = "{\"lines\":[{\"productId\":\"" + product.getProductId() + "\",\"quantity\":1}]}";
        String key = "k-" + UUID.randomUUID();

        HttpResponse<String> quoted = RawHttp.sendWithHeaders("POST", "/orders", tenant.admin().idToken(), order, "Idempotency-Key", "\"" + key + "\"");
        HttpResponse<String> bare = RawHttp.sendWithHeaders("POST", "/orders", tenant.admin().idToken(), order, "Idempotency-Key", key);
        HttpResponse<String> spaced = RawHttp.sendWithHeaders("POST", "/orders", tenant.admin().idToken(), order,
                "Idempotency-Key", "\"order 42 / attempt 1\"");

        assertThat(quoted.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(bare.body()).path("orderId")).isEqualTo(JSON.readTree(quoted.body()).path("orderId"));
        assertThat(spaced.statusCode()).isEqualTo(201);
        assertThat(Shop.stockOf(tenant.asAdmin(), product.getProductId())).isEqualTo(3);
    }

    @Test
    void dateTimesAreAcceptedInTheFormsCommonClientsSendAndOthersGetAMessageAPersonCanActOn() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        Instant now = Instant.now();
        DateTimeFormatter python = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);

        for (String[] range : new String[][]{
                {python.format(now.minusSeconds(3600)), python.format(now)},
                {now.minusSeconds(3600).toString(), now.toString()},
                {"2026-11-29 10:00:00+00:00", "2026-11-29T12:00:00+01:00"}}) {
            HttpResponse<String> response = timeseries(tenant, range[0], range[1]);
            assertThat(response.statusCode()).as(range[0] + " .. " + range[1] + ": " + response.body()).isEqualTo(200);
        }
        HttpResponse<String> refused = timeseries(tenant, "yesterday", now.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("from", "2026-11-29T11:00:00Z").doesNotContain("index");
    }

    @Test
    void datesThatDoNotExistAre400InsteadOfMovingToANeighbouringDay() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);

        for (String[] range : new String[][]{{"2026-02-29T12:00:00Z", "2026-02-29T12:03:00Z"}, {"2026-11-31T12:00:00Z", "2026-12-01T12:00:00Z"},
                {"2026-11-29T24:00:00Z", "2026-11-30T01:00:00Z"}}) {
            HttpResponse<String> response = timeseries(tenant, range[0], range[1]);
            assertThat(response.statusCode()).as(range[0]).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("from");
        }
    }

    @Test
    void aSeriesHasAtMostTheDocumentedNumberOfPointsCountedAfterRounding() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);

        HttpResponse<String> day = timeseries(tenant, "2026-11-28T12:00:00Z", "2026-11-29T12:00:00Z");
        HttpResponse<String> dayAndAMinute = timeseries(tenant, "2026-11-28T12:00:59Z", "2026-11-29T12:00:30Z");
        HttpResponse<String> leapYearAndADay = RawHttp.send("GET", "/analytics/timeseries?metric=orders&interval=day&from="
                + encode("2024-01-01T23:59:00Z") + "&to=" + encode("2025-01-01T23:00:00Z"), tenant.admin().idToken(), null);

        assertThat(JSON.readTree(day.body()).path("points").size()).isEqualTo(1440);
        assertThat(dayAndAMinute.statusCode()).isEqualTo(400);
        assertThat(leapYearAndADay.statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> timeseries(TestTenant tenant, String from, String to) throws ApiException {
        return RawHttp.send("GET", "/analytics/timeseries?metric=orders&interval=minute&from=" + encode(from) + "&to=" + encode(to),
                tenant.admin().idToken(), null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
