package io.tessera.core.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.data.AnalyticsItems;
import io.tessera.core.problems.BadRequestException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current tenant's analytics as the API shows them. Revenue is kept per currency, and written
 * as a string of decimal digits: sums of amounts outgrow the integers a JavaScript client reads
 * exactly (2^53), and a string reaches every generated client unrounded.
 */
@Singleton
public class AnalyticsReader {

    /** A day of minutes. */
    public static final int MAX_MINUTE_POINTS = 1440;
    /** A leap year of days. */
    public static final int MAX_DAY_POINTS = 366;
    private static final int TOP_PRODUCTS = 10;

    private final AnalyticsItems items;
    private final Clock clock;

    AnalyticsReader(AnalyticsItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    /** @param revenueMinor amounts in minor units as decimal strings, by ISO 4217 currency */
    @Serdeable
    public record StatusFigures(String status, long orders, Map<String, String> revenueMinor) {
    }

    @Serdeable
    public record DayFigures(String date, long orders, Map<String, String> revenueMinor) {
    }

    @Serdeable
    public record ProductFigures(String productId, String name, long units, Map<String, String> revenueMinor) {
    }

    @Serdeable
    public record Summary(List<StatusFigures> byStatus, DayFigures today, List<ProductFigures> topProducts) {
    }

    /** @param value orders, or revenue in minor units, as a decimal string */
    @Serdeable
    public record Point(Instant at, String value) {
    }

    @Serdeable
    public record Timeseries(String metric, String interval, @Nullable String currency, List<Point> points) {
    }

    public enum Metric { ORDERS, REVENUE }

    public enum Interval { MINUTE, DAY }

    public Summary summary() {
        Map<String, StatusFigures> byStatus = new TreeMap<>();
        for (EnhancedDocument item : items.withPrefix("STATUS#")) {
            String[] key = item.getString("sk").split("#");
            StatusFigures sum = byStatus.getOrDefault(key[1], new StatusFigures(key[1], 0, Map.of()));
            byStatus.put(key[1], new StatusFigures(key[1], sum.orders() + count(item, "orders"),
                    plus(sum.revenueMinor(), key[2], count(item, "revenueMinor"))));
        }
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        DayFigures day = new DayFigures(today, 0, Map.of());
        for (EnhancedDocument item : items.withPrefix("DAY#" + today + "#")) {
            String currency = item.getString("sk").split("#")[2];
            day = new DayFigures(today, day.orders() + count(item, "orders"), plus(day.revenueMinor(), currency, count(item, "revenueMinor")));
        }
        Map<String, ProductFigures> products = new LinkedHashMap<>();
        for (EnhancedDocument item : items.withPrefix("PRODUCT#")) {
            String[] key = item.getString("sk").split("#");
            ProductFigures sum = products.getOrDefault(key[1], new ProductFigures(key[1], item.getString("name"), 0, Map.of()));
            products.put(key[1], new ProductFigures(key[1], sum.name(), sum.units() + count(item, "units"),
                    plus(sum.revenueMinor(), key[2], count(item, "revenueMinor"))));
        }
        List<ProductFigures> top = products.values().stream()
                .filter(product -> product.units() > 0)
                .sorted(Comparator.comparingLong(ProductFigures::units).reversed().thenComparing(ProductFigures::productId))
                .limit(TOP_PRODUCTS)
                .toList();
        return new Summary(byStatus.values().stream().filter(figures -> figures.orders() != 0).toList(), day, top);
    }

    /**
     * Orders placed, or revenue in one currency, per minute or day, from {@code from} (included) to
     * {@code to} (excluded); every bucket in the range is present, empty ones as zero, the first
     * one starting at {@code from} rounded down to the minute or day (UTC).
     *
     * @throws BadRequestException unless {@code to} is after {@code from} and the series has at
     *                             most {@link #MAX_MINUTE_POINTS} or {@link #MAX_DAY_POINTS} points
     */
    public Timeseries timeseries(Metric metric, Interval interval, Instant from, Instant to, String currency) {
        ChronoUnit unit = interval == Interval.MINUTE ? ChronoUnit.MINUTES : ChronoUnit.DAYS;
        Instant start = from.truncatedTo(unit);
        if (!to.isAfter(from)) {
            throw new BadRequestException("'to' must be after 'from'.");
        }
        long count = points(unit, from, to);
        int maxPoints = interval == Interval.MINUTE ? MAX_MINUTE_POINTS : MAX_DAY_POINTS;
        if (count > maxPoints) {
            throw new BadRequestException("A " + interval.name().toLowerCase() + " series has at most " + maxPoints
                    + " points; from " + from + " to " + to + " would have " + count + ".");
        }
        String prefix = interval == Interval.MINUTE ? "MINUTE#" : "DAY#";
        Map<String, Long> values = new TreeMap<>();
        for (EnhancedDocument item : items.between(bucketKey(interval, start), bucketKey(interval, to) + "~")) {
            String[] key = item.getString("sk").split("#");
            if (metric == Metric.ORDERS) {
                values.merge(key[1], count(item, "orders"), Long::sum);
            } else if (key[2].equals(currency)) {
                values.merge(key[1], count(item, "revenueMinor"), Long::sum);
            }
        }
        List<Point> points = new ArrayList<>();
        for (Instant at = start; at.isBefore(to); at = at.plus(1, unit)) {
            points.add(new Point(at, Long.toString(values.getOrDefault(bucketKey(interval, at).substring(prefix.length()), 0L))));
        }
        return new Timeseries(metric.name().toLowerCase(), interval.name().toLowerCase(), metric == Metric.REVENUE ? currency : null, points);
    }

    /** How many buckets of {@code unit} a series from {@code from} (rounded down) to {@code to} (excluded) has. */
    static long points(ChronoUnit unit, Instant from, Instant to) {
        Instant start = from.truncatedTo(unit);
        long whole = unit.between(start, to);
        return start.plus(whole, unit).isBefore(to) ? whole + 1 : whole;
    }

    private static String bucketKey(Interval interval, Instant at) {
        String key = interval == Interval.MINUTE ? Contributions.minuteKey(at, "") : Contributions.dayKey(at, "");
        return key.substring(0, key.length() - 1);
    }

    private static long count(EnhancedDocument item, String attribute) {
        return item.isPresent(attribute) ? item.getNumber(attribute).longValue() : 0;
    }

    private static Map<String, String> plus(Map<String, String> revenue, String currency, long amount) {
        Map<String, String> sum = new TreeMap<>(revenue);
        sum.merge(currency, Long.toString(amount), (before, added) -> Long.toString(Long.parseLong(before) + Long.parseLong(added)));
        return sum;
    }
}
