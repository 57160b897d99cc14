package io.tessera.core.analytics;

import io.micronaut.core.annotation.Nullable;

/** A change to one aggregate item: orders, revenue (minor units) and product units, and a product's name. */
public record Delta(long orders, long revenueMinor, long units, @Nullable String name) {

    public static final Delta ZERO = new Delta(0, 0, 0, null);

    public Delta plus(Delta other) {
        return new Delta(orders + other.orders, revenueMinor + other.revenueMinor, units + other.units,
                other.name != null ? other.name : name);
    }

    public Delta negated() {
        return new Delta(-orders, -revenueMinor, -units, name);
    }

    public boolean isZero() {
        return orders == 0 && revenueMinor == 0 && units == 0;
    }
}
