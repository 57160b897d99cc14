package io.tessera.core.catalog;

import io.micronaut.core.annotation.Nullable;

/** What a tenant admin writes when creating or replacing a product. */
public record ProductDraft(String name, @Nullable String description, long priceMinor, String currency, int stock,
                           @Nullable String imageUploadId) {
}
