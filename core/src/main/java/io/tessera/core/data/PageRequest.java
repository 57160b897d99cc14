package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;

/** Where a listing starts (an opaque cursor from the previous page, or none) and how much it returns. */
public record PageRequest(int limit, @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor);
    }
}
