package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void everyScheduleIsARuleWithItsRateThatInvokesItsHandlersLiveAlias() {
        TesseraResources.SCHEDULES.forEach(schedule -> synthesized.template().hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", schedule.name(),
                "ScheduleExpression", schedule.expression(),
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of("Arn", Match.objectLike(Map.of())))))));
        assertThat(TesseraResources.SIGNUP_CLEANUP.expression()).isEqualTo("rate(1 hour)");
    }

    @Test
    void theSignupCleanupMayOnlyFindAndDeleteAccountsAndUseTheMainTable() {
        assertThat(EntryPoints.all()).filteredOn(entryPoint -> entryPoint.handler().equals(EntryPoints.handlerOf(TesseraResources.SIGNUP_CLEANUP.name())))
                .singleElement()
                .satisfies(entryPoint -> assertThat(entryPoint.access()).containsExactlyInAnyOrder(Access.MAIN_TABLE, Access.ACCOUNT_CLEANUP));
    }
}
