package io.tessera.core.orders;

import io.micronaut.serde.annotation.Serdeable;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order status machine: {@code PLACED -> PAID -> SHIPPED -> DELIVERED}, and
 * {@code PLACED|PAID -> CANCELLED}. {@code REJECTED} ends a checkout that could not be served.
 */
@Serdeable
public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, CANCELLED, REJECTED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PLACED -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Written as the constant's name (serde's default enum mapping, exact case). */
    public String wireName() {
        return name();
    }
}
