package io.tessera.streams.notify;

import io.tessera.core.context.CallContext;
import io.tessera.core.context.TraceContext;
import io.tessera.core.events.EventReceipts;
import io.tessera.core.events.OrderEvent;
import io.tessera.core.events.TesseraEvents;
import io.tessera.core.push.Channel;
import io.tessera.core.push.FanOut;
import io.tessera.core.push.ServerMessages;
import io.tessera.core.resources.Roles;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Pushes an order event to the connections of its tenant that subscribed to {@code orders} and may
 * see the order: its owner's, and the tenant admins'. Each event id is pushed once.
 */
@Singleton
class OrderNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(OrderNotifications.class);
    private static final String CONSUMER = "notifier";

    private final FanOut fanOut;
    private final EventReceipts receipts;

    /** Within the notify queue's visibility timeout, so that the message is not delivered again meanwhile. */
    private static final Duration FORGET_FOR = Duration.ofSeconds(20);

    OrderNotifications(FanOut fanOut, EventReceipts receipts) {
        this.fanOut = fanOut;
        this.receipts = receipts;
    }

    void push(String detailType, OrderEvent event) {
        new CallContext(event.tenantId(), event.ownerId(), Set.of(), event.correlationId() == null
                ? CallContext.newCorrelationId() : event.correlationId())
                .inTrace(TraceContext.fromTraceparent(event.traceparent())).run(() -> {
            if (!receipts.firstTime(CONSUMER, event.eventId())) {
                LOG.info("event {} was pushed already", event.eventId());
                return;
            }
            try {
                String type = TesseraEvents.ORDER_CREATED.equals(detailType) ? "order.created" : "order.status_changed";
                int delivered = fanOut.push(
                        connection -> connection.isSubscribedTo(Channel.ORDERS.wireName())
                                && (connection.userId().equals(event.ownerId()) || connection.roles().contains(Roles.TENANT_ADMINS)),
                        new ServerMessages.OrderChanged(type, event.eventId(), event.orderId(), event.ownerId(), event.previousStatus(),
                                event.status(), event.version(), event.totalMinor(), event.currency(), event.occurredAt().toString()));
                LOG.info("notified {} connections of {} {} of order {}", delivered, type, event.eventId(), event.orderId());
            } catch (RuntimeException e) {
                forgetPatiently(event.eventId());
                throw e;
            }
        });
    }

    /**
     * Takes the receipt back so that the retry pushes the event. A push usually fails because AWS is
     * away, and then so does taking the receipt back; without it the retry would see the event as
     * pushed and the clients would never hear of it, so this keeps trying through a short outage.
     */
    private void forgetPatiently(String eventId) {
        Instant giveUp = Instant.now().plus(FORGET_FOR);
        while (true) {
            try {
                receipts.forget(CONSUMER, eventId);
                return;
            } catch (RuntimeException stillAway) {
                if (Instant.now().isAfter(giveUp)) {
                    LOG.error("event {} could not be pushed and its receipt not taken back: its clients will not hear of it", eventId, stillAway);
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
