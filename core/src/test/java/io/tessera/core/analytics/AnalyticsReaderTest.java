package io.tessera.core.analytics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsReaderTest {

    @Test
    void aSeriesCountsEveryBucketItTouchesFromTheRoundedDownStart() {
        assertThat(AnalyticsReader.points(ChronoUnit.MINUTES, Instant.parse("2026-11-28T12:00:00Z"), Instant.parse("2026-11-29T12:00:00Z")))
                .isEqualTo(1440);
        assertThat(AnalyticsReader.points(ChronoUnit.MINUTES, Instant.parse("2026-11-28T12:00:59Z"), Instant.parse("2026-11-29T12:00:30Z")))
                .isEqualTo(1441);
        assertThat(AnalyticsReader.points(ChronoUnit.DAYS, Instant.parse("2024-01-01T23:59:00Z"), Instant.parse("2025-01-01T23:00:00Z")))
                .isEqualTo(367);
        assertThat(AnalyticsReader.points(ChronoUnit.MINUTES, Instant.parse("2026-11-29T12:00:00Z"), Instant.parse("2026-11-29T12:00:00.001Z")))
                .isEqualTo(1);
    }
}
