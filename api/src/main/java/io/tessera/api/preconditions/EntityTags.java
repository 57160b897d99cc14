package io.tessera.api.preconditions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.PreconditionRequiredException;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions as HTTP entity tags (RFC 9110 §8.8.3): a resource's version {@code 7} is the strong
 * ETag {@code "7"}; an update names the version it read in {@code If-Match} (§13.1.1) and fails
 * with 412 when the resource has moved on. Only one strong tag is understood, since a client
 * replaces the one version it read: a weak tag ({@code W/"7"}) never matches, as §13.1.1's strong
 * comparison says; the bare version ({@code 7}, a common slip) is read as its tag; an empty value,
 * a list or anything else malformed is 400.
 */
public final class EntityTags {

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"?([0-9]{1,18})\"?");
    private static final Pattern WEAK_TAG = Pattern.compile("W/\"[^\"]*\"");

    private EntityTags() {
    }

    /** The response with the resource's version as its ETag. */
    public static <T> MutableHttpResponse<T> tagged(MutableHttpResponse<T> response, long version) {
        return response.header(HttpHeaders.ETAG, "\"" + version + "\"");
    }

    /**
     * The version an {@code If-Match} header names; empty when there is none or it is {@code *}
     * (any current version). A weak tag names no version: it can match nothing, so it is -1.
     */
    public static OptionalLong ifMatch(@Nullable String header) {
        if (header == null || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String value = header.strip();
        Matcher strong = STRONG_VERSION_TAG.matcher(value);
        if (strong.matches() && value.startsWith("\"") == value.endsWith("\"")) {
            String digits = strong.group(1);
            // Strong comparison compares the tags as strings: "01" is not the tag "1" and matches nothing.
            return OptionalLong.of(digits.length() > 1 && digits.startsWith("0") ? -1 : Long.parseLong(digits));
        }
        if (WEAK_TAG.matcher(value).matches()) {
            return OptionalLong.of(-1);
        }
        throw new BadRequestException("If-Match must be the one ETag you read, e.g. If-Match: \"3\".");
    }

    /** Like {@link #ifMatch}, for a replacement, which must say which version it replaces (428 otherwise). */
    public static long requiredIfMatch(@Nullable String header) {
        OptionalLong version = ifMatch(header);
        if (version.isEmpty()) {
            throw new PreconditionRequiredException("A replacement must name the version it replaces: If-Match: \"<the ETag you read>\".");
        }
        return version.getAsLong();
    }
}
