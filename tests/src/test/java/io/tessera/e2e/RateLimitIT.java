package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    private static ApiException join(Future<ApiException> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
