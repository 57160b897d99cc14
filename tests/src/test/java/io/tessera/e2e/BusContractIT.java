package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.OrderStatus;
import io.tessera.client.model.Role;
import io.tessera.client.model.StatusChange;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.client.model.UserChange;
import io.tessera.core.resources.TesseraResources;
import io.tessera.e2e.support.Contract;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tessera} bus is a contract too (events.asyncapi.yaml): a rule of this test's own taps
 * the bus while one tenant goes through everything that publishes (sign-up confirmation, checkout,
 * an order's status change, a user disabled, the tenant suspended and reactivated); every event of
 * that tenant must match its detail type's closed schema, and every detail type the document
 * describes must have been seen.
 */
class BusContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventATenantsLifeMakesTesseraPublishMatchesItsSchemaAndEveryDescribedTypeOccurs() throws Exception {
        String tap = "tessera-bus-tap-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventBridgeClient bus = EventBridgeClient.create(); SqsClient sqs = SqsClient.create()) {
            String queueUrl = sqs.createQueue(request -> request.queueName(tap)).queueUrl();
            String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            bus.putRule(request -> request.name(tap).eventBusName(TesseraResources.EVENT_BUS)
                    .eventPattern("{\"source\":[\"tessera.basket\",\"tessera.orders\",\"tessera.tenants\"]}"));
            bus.putTargets(request -> request.rule(tap).eventBusName(TesseraResources.EVENT_BUS)
                    .targets(Target.builder().id("tap").arn(queueArn).build()));
            try {
                TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
                TestTenant.Member member = tenant.invite(Role.MEMBERS);
                String orderId = Shop.checkout(member.client(), Shop.product(tenant.asAdmin(), 250, 5).getProductId(), 1);
                Shop.awaitOrder(member.client(), orderId);
                new OrdersApi(tenant.asAdmin()).changeOrderStatus(orderId, new StatusChange().status(OrderStatus.PAID));
                new UsersApi(tenant.asAdmin()).changeUser(member.userId(), new UserChange().enabled(false), null);
                TenantsApi platform = new TenantsApi(PlatformAdmin.client());
                platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null);
                platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.ACTIVE), null);

                Map<String, List<JsonNode>> byType = new TreeMap<>();
                Eventually.await(Duration.ofSeconds(60), "every described detail type for tenant " + tenant.id(), () -> {
                    for (Message message : sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                            .messages()) {
                        JsonNode event = JSON.readTree(message.body());
                        if (tenant.id().equals(event.path("detail").path("tenantId").asText())) {
                            byType.computeIfAbsent(event.path("detail-type").asText(), type -> new ArrayList<>()).add(event);
                        }
                        sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    }
                    return byType.keySet().containsAll(Contract.busEventTypes()) ? Optional.of(byType) : Optional.empty();
                });

                byType.values().forEach(events -> events.forEach(Contract::checkBusEvent));
                assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(Contract.busEventTypes());
            } finally {
                bus.removeTargets(request -> request.rule(tap).eventBusName(TesseraResources.EVENT_BUS).ids("tap"));
                bus.deleteRule(request -> request.name(tap).eventBusName(TesseraResources.EVENT_BUS));
                sqs.deleteQueue(request -> request.queueUrl(queueUrl));
            }
        }
    }
}
