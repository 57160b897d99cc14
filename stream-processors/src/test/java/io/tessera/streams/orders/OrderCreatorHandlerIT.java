package io.tessera.streams.orders;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.LineItem;
import io.tessera.core.catalog.Product;
import io.tessera.core.catalog.ProductDraft;
import io.tessera.core.context.CallContext;
import io.tessera.core.events.CheckoutRequested;
import io.tessera.core.orders.Order;
import io.tessera.core.orders.OrderStatus;
import io.tessera.core.orders.Orders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The order creator against the emulator's DynamoDB, fed SQS events the way Lambda feeds it. */
class OrderCreatorHandlerIT {

    private static ApplicationContext context;
    private static OrderCreatorHandler handler;
    private final String tenantId = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CallContext admin = CallContext.system(tenantId, "corr");

    @BeforeAll
    static void startHandler() {
        context = ApplicationContext.run();
        handler = new OrderCreatorHandler(context);
    }

    @AfterAll
    static void stopHandler() {
        context.close();
    }

    @Test
    void theSameCheckoutDeliveredTwiceBecomesOneOrderAndReservesStockOnce() throws IOException {
        Product product = admin.call(() -> context.getBean(Catalog.class).create(new ProductDraft("Mug", null, 800, "EUR", 5, null)));
        SQSEvent.SQSMessage message = message(checkout(product, 2));

        SQSBatchResponse first = handler.handleRequest(batch(message), null);
        SQSBatchResponse redelivered = handler.handleRequest(batch(message), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        List<Order> orders = admin.call(() -> context.getBean(Orders.class).allOfTenant());
        assertThat(orders).singleElement().satisfies(order -> assertThat(order.status()).isEqualTo(OrderStatus.PLACED));
        assertThat(admin.call(() -> context.getBean(Catalog.class).get(product.productId()).stock())).isEqualTo(3);
    }

    @Test
    void aPoisonMessageIsReportedAsABatchItemFailureWhileTheRestOfTheBatchIsApplied() throws IOException {
        Product product = admin.call(() -> context.getBean(Catalog.class).create(new ProductDraft("Cup", null, 500, "EUR", 5, null)));
        SQSEvent.SQSMessage good = message(checkout(product, 1));
        SQSEvent.SQSMessage poison = new SQSEvent.SQSMessage();
        poison.setMessageId("poison-" + UUID.randomUUID());
        poison.setBody("{\"detail\": \"not a checkout\"}");

        SQSBatchResponse response = handler.handleRequest(batch(poison, good), null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(poison.getMessageId()));
        assertThat(admin.call(() -> context.getBean(Catalog.class).get(product.productId()).stock())).isEqualTo(4);
    }

    private CheckoutRequested checkout(Product product, int quantity) {
        LineItem line = new LineItem(product.productId(), product.name(), quantity, product.priceMinor());
        return new CheckoutRequested(UUID.randomUUID().toString(), tenantId, "member-1", UUID.randomUUID().toString(),
                List.of(line), "EUR", line.totalMinor(), Instant.now(), "corr-" + UUID.randomUUID(),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    /** An SQS message as an EventBridge rule delivers it: the whole event envelope as the body. */
    private static SQSEvent.SQSMessage message(CheckoutRequested detail) throws IOException {
        Map<String, Object> envelope = Map.of(
                "version", "0", "id", UUID.randomUUID().toString(), "detail-type", "CheckoutRequested",
                "source", "tessera.basket", "account", "123456789012", "time", Instant.now().toString(),
                "region", "us-east-1", "resources", List.of(), "detail", detail);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(context.getBean(ObjectMapper.class).writeValueAsString(envelope));
        message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:tessera-orders");
        return message;
    }

    private static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }
}
