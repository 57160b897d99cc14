package io.tessera.api.analytics;

import io.tessera.core.problems.BadRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimesTest {

    private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theFormsRealClientsSendAreRead() {
        assertThat(DateTimes.parse("from", "2026-11-29T12:00:00Z")).isEqualTo(NOON);
        assertThat(DateTimes.parse("from", "2026-11-29T12:00:00.000Z")).isEqualTo(NOON);
        assertThat(DateTimes.parse("from", "2026-11-29T13:00:00+01:00")).isEqualTo(NOON);
        assertThat(DateTimes.parse("from", "2026-11-29T13:00:00+0100")).isEqualTo(NOON);
        assertThat(DateTimes.parse("from", "2026-11-29t12:00:00z")).isEqualTo(NOON);
        assertThat(DateTimes.parse("from", "2026-11-29 12:00:00+00:00")).isEqualTo(NOON);
        assertThat(DateTimes.parse("from", "2026-11-29T11:01:31.088774+0000")).isEqualTo(Instant.parse("2026-11-29T11:01:31.088774Z"));
    }

    @Test
    void anythingElseIsRefusedWithAnExampleAndNoParserDetails() {
        for (String bad : new String[]{"2026-11-29", "2026-11-29T12:00:00", "yesterday", "1764417600", "2026-13-01T00:00:00Z",
                "2026-11-29T12:00:00+25:00", "2026-11-29T12:00Z"}) {
            assertThatThrownBy(() -> DateTimes.parse("to", bad))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageStartingWith("to must be a date-time")
                    .hasMessageNotContaining("index");
        }
    }

    @Test
    void datesAndTimesThatDoNotExistAreRefusedInsteadOfMovedToANeighbour() {
        for (String missing : new String[]{"2026-02-29T12:00:00Z", "2026-11-31T12:00:00Z", "2026-04-31T00:00:00Z",
                "2026-02-30T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T23:60:00Z"}) {
            assertThatThrownBy(() -> DateTimes.parse("from", missing)).as(missing).isInstanceOf(BadRequestException.class);
        }
        assertThat(DateTimes.parse("from", "2028-02-29T12:00:00Z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
    }
}
