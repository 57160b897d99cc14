package io.tessera.core.catalog;

import java.util.List;

/** Wanted products priced from the catalog: one currency for all lines. */
public record PricedLines(List<LineItem> lines, String currency, long totalMinor) {
}
