package io.tessera.core.events;

/** Sources and detail types on the {@code tessera} bus. */
public final class TesseraEvents {

    private TesseraEvents() {
    }

    public static final String ORDERS_SOURCE = "tessera.orders";
    public static final String BASKET_SOURCE = "tessera.basket";
    public static final String TENANTS_SOURCE = "tessera.tenants";
    /** Not on the bus: the connections queue's own timer messages. */
    public static final String REALTIME_SOURCE = "tessera.realtime";

    public static final String ORDER_CREATED = "OrderCreated";
    public static final String ORDER_STATUS_CHANGED = "OrderStatusChanged";
    public static final String CHECKOUT_REQUESTED = "CheckoutRequested";
    /** A tenant user was disabled, enabled, removed or given another role. */
    public static final String USER_ACCESS_CHANGED = "UserAccessChanged";
    /** A tenant was suspended, reactivated (or, later, offboarded). */
    public static final String TENANT_STATUS_CHANGED = "TenantStatusChanged";
    /** A signup was confirmed: the tenant is active with its first admin. */
    public static final String TENANT_ONBOARDED = "TenantOnboarded";
    /** A WebSocket connection's authority is due to run out (its token's exp). */
    public static final String CONNECTION_EXPIRY_DUE = "ConnectionExpiryDue";
}
