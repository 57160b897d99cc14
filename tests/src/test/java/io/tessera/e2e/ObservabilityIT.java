package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.client.ApiClient;
import io.tessera.client.api.BasketApi;
import io.tessera.client.model.BasketRequest;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Product;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.AppLog;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One order followed end to end in what the running system writes (SPEC §11): the checkout is
 * sent with a known correlation id and W3C {@code traceparent}, and the captured output then holds
 * the REST call's, the order creator's, the outbox's, the notifier's and the push's log lines, all
 * with that trace id, correlation id and tenant, and CloudWatch EMF lines for the request, the order
 * and the push, all carrying that tenant.
 */
class ObservabilityIT {

    @Test
    void anOrderCanBeFollowedByItsTraceIdThroughEveryLogLineAndItsMetricsCarryTheTenant() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        Product product = Shop.product(tenant.asAdmin(), 700, 5);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String correlationId = "obs-" + UUID.randomUUID();
        String memberToken = member.login().idToken();
        ApiClient traced = LocalSystem.anonymous().setRequestInterceptor(request -> request
                .header("Authorization", "Bearer " + memberToken)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .header("X-Correlation-Id", correlationId));

        try (WsClient admin = WsClient.connect(tenant.admin().idToken())) {
            admin.subscribe("orders");
            new BasketApi(traced).replaceBasket(new BasketRequest().addLinesItem(new LineRequest().productId(product.getProductId()).quantity(1)));
            String orderId = new BasketApi(traced).checkout().getOrderId();
            admin.await(m -> m.type().equals("order.created") && m.message().path("orderId").asText().equals(orderId), Duration.ofSeconds(15));
        }

        List<String> loggers = List.of("io.tessera.core.basket.Checkout", "io.tessera.streams.orders.OrderCreatorHandler",
                "io.tessera.streams.outbox.OutboxPublisherHandler", "io.tessera.streams.notify.OrderNotifications", "io.tessera.core.push.FanOut");
        List<JsonNode> tracedLines = Eventually.await(Duration.ofSeconds(10), "log lines of every step in trace " + traceId, () -> {
            List<JsonNode> lines = AppLog.lines().stream().filter(line -> traceId.equals(line.path("traceId").asText())).toList();
            return loggers.stream().allMatch(logger -> lines.stream().anyMatch(line -> logger.equals(line.path("logger_name").asText())))
                    ? Optional.of(lines) : Optional.empty();
        });
        assertThat(tracedLines).allSatisfy(line -> {
            assertThat(line.path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(line.path("tenantId").asText()).isEqualTo(tenant.id());
        });

        // Requests are written once a second per tenant and route by the long-running local process.
        List<JsonNode> metrics = Eventually.await(Duration.ofSeconds(10), "the tenant's EMF line for the checkout", () -> {
            List<JsonNode> lines = AppLog.lines().stream()
                    .filter(line -> line.has("_aws") && tenant.id().equals(line.path("tenantId").asText()))
                    .toList();
            return lines.stream().anyMatch(line -> line.path("route").asText().equals("POST:/basket/checkout"))
                    ? Optional.of(lines) : Optional.empty();
        });
        assertThat(metrics).anySatisfy(line -> {
            assertThat(line.path("route").asText()).isEqualTo("POST:/basket/checkout");
            assertThat(line.path("Requests").asDouble()).isGreaterThanOrEqualTo(1.0);
            assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("Tessera");
        });
        assertThat(metrics).anySatisfy(line -> {
            assertThat(line.path("status").asText()).isEqualTo("PLACED");
            assertThat(line.path("Orders").asDouble()).isEqualTo(1.0);
        });
        assertThat(metrics).anySatisfy(line -> assertThat(line.path("PushesSent").asDouble()).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    void theProcessMetricsShowTheSameTenantCounters() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        Shop.product(tenant.asAdmin(), 300, 1);

        // A management endpoint for platform admins, not part of openapi.yaml: read with a plain client.
        // The process counts requests once a second per tenant and route.
        String platformAdmin = LocalSystem.platformAdmin().idToken();
        HttpRequest requests = HttpRequest.newBuilder(URI.create(LocalSystem.baseUrl() + "/metrics/tessera.Requests?tag=tenantId:" + tenant.id()))
                .header("Authorization", "Bearer " + platformAdmin).build();
        String body = Eventually.await(Duration.ofSeconds(10), "the tenant's request counter", () -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(requests, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        });

        JsonNode count = new ObjectMapper().readTree(body).path("measurements").get(0);
        assertThat(count.path("statistic").asText()).isEqualTo("COUNT");
        // The signup's own request counts under no tenant; the product's under the new one.
        assertThat(count.path("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
