package io.tessera.streams.orders;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.tessera.core.context.CallContext;
import io.tessera.core.context.TraceContext;
import io.tessera.core.events.CheckoutRequested;
import io.tessera.core.orders.Order;
import io.tessera.core.orders.OrderPlacement;
import io.tessera.core.resources.EventSourceMapping;
import io.tessera.core.resources.TesseraResources;
import io.tessera.streams.batch.SqsBatch;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * The order creator: {@code CheckoutRequested} events from the {@code tessera-orders} queue become
 * orders, PLACED or REJECTED. Lambda invokes it through the no-argument constructor; locally the
 * SQS poller builds it on the running application context.
 */
@EventSourceMapping(TesseraResources.ORDERS_QUEUE_NAME)
public class OrderCreatorHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderCreatorHandler.class);

    @Inject
    SqsBatch batch;

    @Inject
    OrderPlacement placement;

    public OrderCreatorHandler() {
    }

    public OrderCreatorHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return batch.processEvents(event, CheckoutRequested.class, envelope -> {
            CheckoutRequested checkout = envelope.detail();
            new CallContext(checkout.tenantId(), checkout.userId(), Set.of(), checkout.correlationId())
                    .inTrace(TraceContext.fromTraceparent(checkout.traceparent())).run(() -> {
                Order order = placement.placeFromCheckout(checkout);
                LOG.info("checkout {} of user {} is order {} ({})", checkout.checkoutId(), checkout.userId(),
                        order.orderId(), order.status().wireName());
            });
        });
    }
}
