package io.tessera.core.events;

/** Sources and detail types on the {@code tessera} bus (SPEC §6). */
public final class TesseraEvents {

    private TesseraEvents() {
    }

    public static final String ORDERS_SOURCE = "tessera.orders";
    public static final String BASKET_SOURCE = "tessera.basket";

    public static final String ORDER_CREATED = "OrderCreated";
    public static final String ORDER_STATUS_CHANGED = "OrderStatusChanged";
    public static final String CHECKOUT_REQUESTED = "CheckoutRequested";
}
