package io.tessera.infra.cdk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPatternsTest {

    @Test
    void sourceAndDetailTypeBecomeTheTypedPattern() {
        var pattern = EventPatterns.fromJson("{\"source\":[\"tessera.orders\"],\"detail-type\":[\"OrderCreated\",\"OrderStatusChanged\"]}");

        assertThat(pattern.getSource()).isEqualTo(List.of("tessera.orders"));
        assertThat(pattern.getDetailType()).isEqualTo(List.of("OrderCreated", "OrderStatusChanged"));
    }

    @Test
    void aFieldThisTranslationDoesNotKnowStopsSynthesisInsteadOfBeingDropped() {
        assertThatThrownBy(() -> EventPatterns.fromJson("{\"source\":[\"tessera.orders\"],\"time\":[\"x\"]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'time'");
    }

    @Test
    void contentFiltersAreRefusedRatherThanMistranslated() {
        assertThatThrownBy(() -> EventPatterns.fromJson("{\"source\":[{\"prefix\":\"tessera.\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("list of strings");
    }
}
