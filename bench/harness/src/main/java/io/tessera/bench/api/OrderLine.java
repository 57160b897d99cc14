package io.tessera.bench.api;

public record OrderLine(String productId, int quantity) {
}
