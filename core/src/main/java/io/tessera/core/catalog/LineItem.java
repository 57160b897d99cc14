package io.tessera.core.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** A quantity of a product, with the product's name and price as they were when it was chosen (basket, order). */
@Serdeable
public record LineItem(String productId, String name, int quantity, long unitPriceMinor) {

    public long totalMinor() {
        return unitPriceMinor * quantity;
    }
}
