package io.tessera.api.analytics;

import io.tessera.core.problems.BadRequestException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Reads a {@code date-time} query value (RFC 3339 §5.6) in the forms real clients send: {@code Z}
 * or a numeric offset with or without its colon ({@code +00:00}, {@code +0000}, as Python's
 * {@code strftime('%z')} and openapi-generator's Python client write it), any number of fraction
 * digits, and {@code T}, {@code t} or a space between date and time (RFC 3339's note). Only real
 * dates and times: no February 29 outside leap years, no November 31, no hour 24 (java.time's
 * default resolver would move each to a neighbouring date without a word).
 */
final class DateTimes {

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private DateTimes() {
    }

    /** The instant {@code value} names, or 400 naming the parameter {@code name} with an example. */
    static Instant parse(String name, String value) {
        try {
            if (value.length() < 20 || value.charAt(10) != 'T' && value.charAt(10) != 't' && value.charAt(10) != ' ') {
                throw new DateTimeParseException("not a date-time", value, 0);
            }
            return OffsetDateTime.parse(value, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date-time with its offset (RFC 3339), such as 2026-11-29T11:00:00Z"
                    + " or 2026-11-29T12:00:00+01:00.");
        }
    }
}
