package io.tessera.core.basket;

import io.tessera.core.basket.Basket;
import io.tessera.core.basket.Baskets;
import io.tessera.core.context.CallContext;
import io.tessera.core.events.CheckoutRequested;
import io.tessera.core.events.EventPublisher;
import io.tessera.core.events.TesseraEvents;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.UUID;

/**
 * Starts a checkout: locks the basket and publishes {@code CheckoutRequested}; the order creator
 * does the rest asynchronously. If the event cannot be published, the basket is unlocked again.
 */
@Singleton
public class Checkout {

    private static final Logger LOG = LoggerFactory.getLogger(Checkout.class);

    private final Baskets baskets;
    private final EventPublisher events;
    private final Clock clock;

    Checkout(Baskets baskets, EventPublisher events, Clock clock) {
        this.baskets = baskets;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the checkout id, which will also be the order's id. */
    public String start() {
        CallContext caller = CallContext.current().orElseThrow();
        Basket basket = baskets.startCheckout();
        try {
            events.publish(TesseraEvents.BASKET_SOURCE, TesseraEvents.CHECKOUT_REQUESTED, new CheckoutRequested(
                    UUID.randomUUID().toString(), caller.tenantId(), caller.userId(), basket.checkoutId(),
                    basket.lines(), basket.currency(), basket.totalMinor(), clock.instant(), caller.correlationId(),
                    caller.trace().child().traceparent()));
        } catch (RuntimeException e) {
            baskets.abandonCheckout(basket.checkoutId());
            throw e;
        }
        LOG.info("checkout {} of {} lines requested", basket.checkoutId(), basket.lines().size());
        return basket.checkoutId();
    }
}
