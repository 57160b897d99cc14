package io.tessera.api.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.tessera.core.analytics.AnalyticsReader;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.resources.Roles;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Locale;

/** The tenant's live analytics, for its admins. */
@Controller("/analytics")
@Secured(Roles.TENANT_ADMINS)
class AnalyticsController {

    private final AnalyticsReader reader;

    AnalyticsController(AnalyticsReader reader) {
        this.reader = reader;
    }

    @Get("/summary")
    AnalyticsReader.Summary summary() {
        return reader.summary();
    }

    @Get("/timeseries")
    AnalyticsReader.Timeseries timeseries(@QueryValue @NotNull @Pattern(regexp = "orders|revenue") String metric,
                                          @QueryValue @NotNull @Pattern(regexp = "minute|day") String interval,
                                          @QueryValue @NotNull String from,
                                          @QueryValue @NotNull String to,
                                          @QueryValue @Nullable @Pattern(regexp = "[A-Z]{3}") String currency) {
        AnalyticsReader.Metric chosen = AnalyticsReader.Metric.valueOf(metric.toUpperCase(Locale.ROOT));
        if (chosen == AnalyticsReader.Metric.REVENUE && currency == null) {
            throw new BadRequestException("Revenue is kept per currency: give currency=EUR (or another ISO 4217 code).");
        }
        return reader.timeseries(chosen, AnalyticsReader.Interval.valueOf(interval.toUpperCase(Locale.ROOT)),
                DateTimes.parse("from", from), DateTimes.parse("to", to), currency);
    }
}
