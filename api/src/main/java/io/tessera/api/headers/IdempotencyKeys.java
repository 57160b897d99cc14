package io.tessera.api.headers;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.problems.BadRequestException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header, as the IETF httpapi draft defines it
 * (draft-ietf-httpapi-idempotency-key-header: an sf-string of RFC 8941 §3.3.3, e.g.
 * {@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"}), and in the bare token form
 * Tessera took before ({@code Idempotency-Key: 8e03978e-40d5}). Both name the same key.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** RFC 8941 sf-string: printable ASCII in quotes, with \" and \\ escaped. */
    private static final Pattern SF_STRING = Pattern.compile("\"((?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\"\\\\])*)\"");

    private IdempotencyKeys() {
    }

    /** The key a header value names, or 400 with the forms it may take. */
    public static String parse(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            throw new BadRequestException(HEADER + " is required: a unique key per order, e.g. " + HEADER + ": \"8e03978e-40d5\".");
        }
        if (BARE.matcher(header).matches()) {
            return header;
        }
        Matcher quoted = SF_STRING.matcher(header);
        if (quoted.matches()) {
            String key = quoted.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (!key.isEmpty() && key.length() <= MAX_LENGTH) {
                return key;
            }
        }
        throw new BadRequestException(HEADER + " must be a quoted string of 1 to " + MAX_LENGTH
                + " printable ASCII characters (e.g. \"8e03978e-40d5\") or up to 128 letters, digits, '-' and '_'.");
    }
}
