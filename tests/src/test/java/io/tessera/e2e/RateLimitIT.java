package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT {

    @Test
    void aBurstAboveTheTiersRateGets429WithRetryAfterAndOtherTenantsAreUnaffected() throws Exception {
        TestTenant basic = TestTenant.signUp(Tier.BASIC);
        TestTenant neighbour = TestTenant.signUp(Tier.BASIC);
        ApiClient client = basic.asAdmin();
        int burst = 3 * basic.tenant().getLimits().getRequestsPerSecond();

        List<ApiException> refusals;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Callable<ApiException>> calls = IntStream.range(0, burst).<Callable<ApiException>>mapToObj(i -> () -> {
                try {
                    new AuthApi(client).getMe();
                    return null;
                } catch (ApiException e) {
                    return e;
                }
            }).toList();
            refusals = pool.invokeAll(calls).stream().map(RateLimitIT::join).filter(e -> e != null).toList();
        }

        assertThat(refusals).isNotEmpty().allSatisfy(refusal -> {
            assertThat(refusal.getCode()).isEqualTo(429);
            assertThat(refusal.getResponseHeaders().firstValue("retry-after")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        });
        assertThat(new AuthApi(neighbour.asAdmin()).getMe().getTenantId()).isEqualTo(neighbour.id());
    }

    /** WebSocket messages draw from the tenant's REST budget: a burst over it is answered with errors, not served. */
    @Test
    void aBurstOfWebSocketMessagesAboveTheTiersRateIsAnsweredWithErrorsThatSayHowLongToWait() throws Exception {
        TestTenant basic = TestTenant.signUp(Tier.BASIC);
        int burst = 5 * basic.tenant().getLimits().getRequestsPerSecond();
        try (WsClient socket = WsClient.connect(basic.admin().idToken())) {
            for (int i = 0; i < burst; i++) {
                socket.send("{\"action\":\"ping\"}");
            }
            List<WsClient.Received> replies = new ArrayList<>();
            Eventually.await(Duration.ofSeconds(30), burst + " replies", () -> {
                replies.addAll(socket.drain(Duration.ofMillis(300)));
                return replies.size() >= burst ? Optional.of(true) : Optional.empty();
            });

            List<WsClient.Received> refused = replies.stream().filter(reply -> reply.type().equals("error")).toList();
            assertThat(refused).isNotEmpty().allSatisfy(reply ->
                    assertThat(reply.message().path("message").asText()).contains("requests per second", "Send again in"));
            assertThat(replies).filteredOn(reply -> reply.type().equals("pong")).isNotEmpty();
        }
    }

    private static ApiException join(Future<ApiException> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
