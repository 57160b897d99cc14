package io.tessera.streams.analytics;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.tessera.core.analytics.AnalyticsRebuild;
import io.tessera.core.analytics.Delta;
import io.tessera.core.aws.StreamRecords;
import io.tessera.core.catalog.LineItem;
import io.tessera.core.catalog.LineItemsJson;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.TenantItems;
import io.tessera.core.resources.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregator against the emulator's analytics table, fed stream batches the way Lambda feeds it. */
class AnalyticsAggregatorHandlerIT {

    private static final String STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/tessera-main/stream/test";
    private static ApplicationContext context;
    private static AnalyticsAggregatorHandler handler;

    private String tenantId;
    private long sequence;

    @BeforeAll
    static void startHandler() {
        context = ApplicationContext.run();
        handler = new AnalyticsAggregatorHandler(context);
    }

    @AfterAll
    static void stopHandler() {
        context.close();
    }

    @BeforeEach
    void freshTenant() {
        tenantId = "agg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sequence = 4_000_000_000_000_000_000L;
    }

    @Test
    void processingTheSameBatchTwiceCountsItOnce() {
        DynamodbEvent batch = batch(insert("o1", "PLACED", 2), modify("o1", "PLACED", "PAID", 2), insert("o2", "PLACED", 1));

        handler.handleRequest(batch, null);
        Map<String, Delta> once = stored();
        handler.handleRequest(batch, null);

        assertThat(stored()).isEqualTo(once);
        assertThat(once.get("STATUS#PAID#EUR")).isEqualTo(new Delta(1, 2000, 0, null));
        assertThat(once.get("STATUS#PLACED#EUR")).isEqualTo(new Delta(1, 1000, 0, null));
        assertThat(once.get("DAY#2026-11-22#EUR")).isEqualTo(new Delta(2, 3000, 0, null));
        assertThat(once.get("PRODUCT#p1#EUR")).isEqualTo(new Delta(0, 3000, 3, "Mug"));
    }

    @Test
    void aRedeliveredRecordAfterLaterOnesChangesNothing() {
        Record first = insert("o1", "PLACED", 1);
        Record second = modify("o1", "PLACED", "SHIPPED", 1);
        handler.handleRequest(batch(first, second), null);
        Map<String, Delta> applied = stored();

        handler.handleRequest(batch(first), null);

        assertThat(stored()).isEqualTo(applied);
    }

    @Test
    void incrementsToTheSameAggregateInOneBatchAreOneWrite() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(insert("o" + i, "PLACED", 1));
        }
        long before = handler.aggregation.writeRequests();

        handler.handleRequest(batch(records.toArray(Record[]::new)), null);

        // STATUS, MINUTE, DAY and PRODUCT items once each, plus the watermark: 20 orders, one transaction of 5 items.
        assertThat(handler.aggregation.writeRequests() - before).isEqualTo(1);
        assertThat(stored().get("STATUS#PLACED#EUR")).isEqualTo(new Delta(20, 20_000, 0, null));
    }

    @Test
    void aBatchOfSeveralTenantsIsCountedInOneTransaction() {
        String first = tenantId;
        Record a = insert("o1", "PLACED", 1);
        tenantId = "agg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String second = tenantId;
        Record b = insert("o1", "PLACED", 2);
        long before = handler.aggregation.writeRequests();

        handler.handleRequest(batch(a, b), null);

        assertThat(handler.aggregation.writeRequests() - before).isEqualTo(1);
        tenantId = first;
        assertThat(stored().get("STATUS#PLACED#EUR")).isEqualTo(new Delta(1, 1000, 0, null));
        tenantId = second;
        assertThat(stored().get("STATUS#PLACED#EUR")).isEqualTo(new Delta(1, 2000, 0, null));
    }

    @Test
    void aPoisonRecordIsReportedWhileTheRecordsBeforeItAreCounted() {
        Record good = insert("o1", "PLACED", 1);
        Record poison = poison("o2");
        Record after = insert("o3", "PLACED", 1);

        StreamsEventResponse response = handler.handleRequest(batch(good, poison, after), null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier()).isEqualTo(poison.dynamodb().sequenceNumber()));
        assertThat(stored().get("STATUS#PLACED#EUR")).isEqualTo(new Delta(1, 1000, 0, null));
    }

    private Map<String, Delta> stored() {
        return admin().call(() -> context.getBean(AnalyticsRebuild.class).stored());
    }

    private CallContext admin() {
        return new CallContext(tenantId, "it", Set.of(Roles.TENANT_ADMINS), "corr");
    }

    private Record insert(String orderId, String status, int quantity) {
        return record(OperationType.INSERT, null, order(orderId, status, quantity));
    }

    private Record modify(String orderId, String from, String to, int quantity) {
        return record(OperationType.MODIFY, order(orderId, from, quantity), order(orderId, to, quantity));
    }

    private Record poison(String orderId) {
        Map<String, AttributeValue> broken = Map.of(
                "pk", AttributeValue.fromS("TENANT#" + tenantId), "sk", AttributeValue.fromS("ORDER#" + orderId),
                "type", AttributeValue.fromS("ORDER"), "orderId", AttributeValue.fromS(orderId), "status", AttributeValue.fromS("PLACED"));
        return record(OperationType.INSERT, null, broken);
    }

    private Map<String, AttributeValue> order(String orderId, String status, int quantity) {
        LineItem line = new LineItem("p1", "Mug", quantity, 1000);
        return TenantItems.document()
                .putString("pk", "TENANT#" + tenantId)
                .putString("sk", "ORDER#" + orderId)
                .putString("type", "ORDER")
                .putString("orderId", orderId)
                .putString("ownerId", "u1")
                .putString("status", status)
                .putJson("lines", context.getBean(LineItemsJson.class).write(List.of(line)))
                .putNumber("totalMinor", line.totalMinor())
                .putString("currency", "EUR")
                .putString("createdAt", Instant.parse("2026-11-22T10:15:30Z").toString())
                .putString("updatedAt", Instant.parse("2026-11-22T10:15:30Z").toString())
                .putNumber("version", 1)
                .build().toMap();
    }

    private Record record(OperationType type, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, AttributeValue> image = after != null ? after : before;
        StreamRecord.Builder stream = StreamRecord.builder()
                .sequenceNumber(Long.toString(sequence++))
                .keys(Map.of("pk", image.get("pk"), "sk", image.get("sk")));
        if (before != null) {
            stream.oldImage(before);
        }
        if (after != null) {
            stream.newImage(after);
        }
        return Record.builder().eventID(UUID.randomUUID().toString()).eventName(type).dynamodb(stream.build()).build();
    }

    private static DynamodbEvent batch(Record... records) {
        return StreamRecords.event(List.of(records), STREAM);
    }
}
