package io.tessera.core.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a long-running process counts REST requests between two EMF lines. */
class RequestTalliesTest {

    private final RequestTallies tallies = new RequestTallies();

    @Test
    void requestsAreCountedExactlyPerTenantAndRouteAndEachDrainStartsAfresh() {
        Map<String, String> orders = Map.of("tenantId", "acme", "route", "GET:/orders");
        Map<String, String> other = Map.of("tenantId", "globex", "route", "GET:/orders");
        for (int i = 0; i < 250; i++) {
            tallies.add(orders, i % 50 == 0 ? 503 : i % 10 == 0 ? 404 : 200, Duration.ofMillis(2));
        }
        tallies.add(other, 200, Duration.ofMillis(3));

        List<RequestTallies.Tally> drained = tallies.drain();

        assertThat(drained).hasSize(2);
        RequestTallies.Tally acme = drained.stream().filter(tally -> tally.dimensions().equals(orders)).findFirst().orElseThrow();
        assertThat(acme.requests()).isEqualTo(250);
        assertThat(acme.errors()).isEqualTo(5);
        assertThat(acme.clientErrors()).isEqualTo(20);
        assertThat(acme.latenciesMs()).hasSize(RequestTallies.MAX_LATENCY_SAMPLES).containsOnly(2.0);
        assertThat(tallies.drain()).isEmpty();
    }
}
