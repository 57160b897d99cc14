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
                receipts.forget(CONSUMER, event.eventId());
                throw e;
            }
        });
    }
}
