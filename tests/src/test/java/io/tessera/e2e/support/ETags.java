package io.tessera.e2e.support;

/** A resource's version as the entity tag the API sends in {@code ETag} and takes in {@code If-Match}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
