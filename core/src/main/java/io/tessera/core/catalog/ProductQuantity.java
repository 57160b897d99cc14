package io.tessera.core.catalog;

/** How many of a product someone wants. */
public record ProductQuantity(String productId, int quantity) {
}
