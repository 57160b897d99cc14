package io.tessera.core.analytics;

import io.tessera.core.catalog.LineItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionsTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30Z");

    private static OrderSnapshot order(String status) {
        return new OrderSnapshot("o1", status, 2500, "EUR", CREATED,
                List.of(new LineItem("p1", "Mug", 2, 1000), new LineItem("p2", "Cup", 1, 500)));
    }

    @Test
    void aNewPlacedOrderCountsUnderItsStatusInItsCreationBucketsAndForItsProducts() {
        Map<String, Delta> deltas = Contributions.change(null, order("PLACED"));

        assertThat(deltas).containsOnlyKeys("STATUS#PLACED#EUR", "MINUTE#2026-11-22T10:15#EUR", "DAY#2026-11-22#EUR",
                "PRODUCT#p1#EUR", "PRODUCT#p2#EUR");
        assertThat(deltas.get("STATUS#PLACED#EUR")).isEqualTo(new Delta(1, 2500, 0, null));
        assertThat(deltas.get("DAY#2026-11-22#EUR")).isEqualTo(new Delta(1, 2500, 0, null));
        assertThat(deltas.get("PRODUCT#p1#EUR")).isEqualTo(new Delta(0, 2000, 2, "Mug"));
    }

    @Test
    void aStatusChangeMovesTheOrderFromOneStatusToTheOtherAndLeavesTheBucketsAlone() {
        Map<String, Delta> deltas = Contributions.change(order("PLACED"), order("PAID"));

        assertThat(deltas).containsOnlyKeys("STATUS#PLACED#EUR", "STATUS#PAID#EUR", "PRODUCT#p1#EUR", "PRODUCT#p2#EUR");
        assertThat(deltas.get("STATUS#PLACED#EUR")).isEqualTo(new Delta(-1, -2500, 0, null));
        assertThat(deltas.get("STATUS#PAID#EUR")).isEqualTo(new Delta(1, 2500, 0, null));
        assertThat(deltas.get("PRODUCT#p1#EUR").isZero()).isTrue();
    }

    @Test
    void cancellingTakesTheOrdersUnitsOutOfTheProductFigures() {
        Map<String, Delta> deltas = Contributions.change(order("PAID"), order("CANCELLED"));

        assertThat(deltas.get("PRODUCT#p1#EUR")).isEqualTo(new Delta(0, -2000, -2, "Mug"));
        assertThat(deltas.get("STATUS#CANCELLED#EUR")).isEqualTo(new Delta(1, 2500, 0, null));
    }

    @Test
    void aRejectedCheckoutCountsOnlyUnderRejected() {
        assertThat(Contributions.change(null, order("REJECTED"))).containsOnlyKeys("STATUS#REJECTED#EUR");
    }

    @Test
    void aWriteThatDoesNotChangeTheStatusChangesNothing() {
        Map<String, Delta> deltas = Contributions.change(order("SHIPPED"), order("SHIPPED"));

        assertThat(deltas.values()).allSatisfy(delta -> assertThat(delta.isZero()).isTrue());
    }

    @Test
    void summingEveryOrdersContributionEqualsApplyingEachWriteInTurn() {
        Map<String, Delta> live = new java.util.HashMap<>();
        List<OrderSnapshot> history = List.of(order("PLACED"), order("PAID"), order("SHIPPED"));
        OrderSnapshot before = null;
        for (OrderSnapshot after : history) {
            Contributions.change(before, after).forEach((key, delta) -> Contributions.add(live, key, delta));
            before = after;
        }
        live.values().removeIf(Delta::isZero);

        Map<String, Delta> rebuilt = new java.util.HashMap<>(Contributions.of(order("SHIPPED")));

        assertThat(live).isEqualTo(rebuilt);
    }
}
