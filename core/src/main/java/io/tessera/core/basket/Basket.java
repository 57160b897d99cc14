package io.tessera.core.basket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.catalog.LineItem;

import java.time.Instant;
import java.util.List;

/**
 * The current user's basket.
 *
 * @param currency   the currency of every line; absent while the basket is empty
 * @param checkoutId set while a checkout of this basket is in progress; the basket cannot change meanwhile
 */
@Serdeable
public record Basket(List<LineItem> lines, @Nullable String currency, long totalMinor,
                     @Nullable String checkoutId, @Nullable Instant updatedAt) {

    public static Basket empty() {
        return new Basket(List.of(), null, 0, null, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
