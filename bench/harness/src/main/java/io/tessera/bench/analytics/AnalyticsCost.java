package io.tessera.bench.analytics;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.tessera.core.aws.StreamRecords;
import io.tessera.core.resources.TesseraResources;
import io.tessera.streams.analytics.AnalyticsAggregatorHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Step 2 of the analytics-cost benchmark: the analytics aggregator Lambda handler, in this JVM,
 * over the stream records the benchmark's tenants made (read back from the emulator's orders
 * stream, other tenants' records left out), cut into batches of each {@code --batch-sizes} size as
 * an event source mapping would deliver them. Each pass writes to a fresh analytics table of its
 * own, so the running system's aggregator, which counts the same records into its own table,
 * changes nothing here. {@link WriteCounter} counts every AWS call the handler makes.
 *
 * <p>Options: {@code --tenants-file FILE (from OrderTraffic) --batch-sizes 100,1}.
 */
public final class AnalyticsCost {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();

    private AnalyticsCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<String[]> tenants = Files.readAllLines(Path.of(options.get("--tenants-file"))).stream()
                .filter(line -> !line.isBlank()).map(line -> line.trim().split(" ")).toList();
        Set<String> tenantIds = tenants.stream().map(fields -> fields[0]).collect(Collectors.toSet());
        long ordersPlaced = tenants.stream().mapToLong(fields -> Long.parseLong(fields[1])).sum();
        List<Integer> batchSizes = Arrays.stream(options.getOrDefault("--batch-sizes", "100,1").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        new AnalyticsCost().run(tenantIds, ordersPlaced, batchSizes);
        System.exit(0);
    }

    private void run(Set<String> tenantIds, long ordersPlaced, List<Integer> batchSizes) {
        String streamArn = dynamoDb.describeTable(request -> request.tableName(TesseraResources.MAIN_TABLE_NAME)).table().latestStreamArn();
        StreamHistory history;
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.create()) {
            history = StreamHistory.read(streams, streamArn, tenantIds);
        }
        long orderEvents = history.orderEvents();
        System.out.printf("%,d stream records of %d tenants, %,d of them order events (%,d orders placed)%n",
                history.records().size(), tenantIds.size(), orderEvents, ordersPlaced);

        // A pass over everything first, not reported: class loading and JIT, as in a warm Lambda instance.
        Pass warmUp = pass(history, batchSizes.getFirst());
        System.out.printf("warm-up pass (not reported): %.1f s in the handler%n", warmUp.handlerSeconds());
        for (int batchSize : batchSizes) {
            Pass pass = pass(history, batchSize);
            report(pass, orderEvents, ordersPlaced, history.records().size());
        }
    }

    private Pass pass(StreamHistory history, int batchSize) {
        String table = "tessera-bench-analytics-" + UUID.randomUUID().toString().substring(0, 8);
        createTable(table);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("tessera.resources.analytics-table", table))
                .start()) {
            AnalyticsAggregatorHandler handler = new AnalyticsAggregatorHandler(context);
            List<Record> records = history.records();
            WriteCounter.reset();
            long busy = 0;
            int batches = 0;
            int failed = 0;
            for (int from = 0; from < records.size(); from += batchSize) {
                var event = StreamRecords.event(records.subList(from, Math.min(from + batchSize, records.size())), history.streamArn());
                long start = System.nanoTime();
                StreamsEventResponse response = handler.handleRequest(event, null);
                busy += System.nanoTime() - start;
                batches++;
                if (response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
                    failed++;
                }
            }
            WriteCounter.Counts counts = WriteCounter.snapshot();
            return new Pass(batchSize, batches, counts, busy / 1e9, failed, ordersByStatus(table));
        } finally {
            dynamoDb.deleteTable(request -> request.tableName(table));
        }
    }

    private static void report(Pass pass, long orderEvents, long ordersPlaced, int records) {
        WriteCounter.Counts counts = pass.counts();
        System.out.println("  AWS calls in the handler: " + counts.calls() + (counts.failures().isEmpty() ? "" : ", failed: " + counts.failures()));
        System.out.println("  items written by call: " + counts.itemsWritten());
        long writeCalls = counts.itemsWritten().keySet().stream().mapToLong(counts::calls).sum();
        long itemWrites = counts.itemsWritten().values().stream().mapToLong(Long::longValue).sum();
        long transactionItems = counts.items("DynamoDb.TransactWriteItems");
        // On-demand billing: a transactional write costs 2 write request units per item (up to 1 KB), any other write 1;
        // a write whose condition fails is billed too.
        long writeUnits = 2 * transactionItems + (itemWrites - transactionItems);
        double per1000 = 1000.0 / orderEvents;
        System.out.printf("RESULT analytics cost, batches of up to %d stream records (%,d batches), per 1,000 order events: "
                        + "%,.0f DynamoDB write requests (%,.0f TransactWriteItems of aggregates and watermarks, %,.0f UpdateItem, "
                        + "%,.0f of the writes failed), %,.0f items written, %,.0f write request units; "
                        + "reads %,.0f GetItem, %,.0f BatchGetItem and %,.0f Query; %,.0f SQS SendMessage. "
                        + "%,.0f order events/s through the handler against the emulator (%,d order events in %,d stream records, "
                        + "%.1f s in the handler); %d batch failures; the aggregates count %,d of %,d orders%n",
                pass.batchSize(), pass.batches(),
                writeCalls * per1000, counts.calls("DynamoDb.TransactWriteItems") * per1000, counts.calls("DynamoDb.UpdateItem") * per1000,
                counts.itemsWritten().keySet().stream().mapToLong(operation -> counts.failures().getOrDefault(operation, 0L)).sum() * per1000,
                itemWrites * per1000, writeUnits * per1000,
                counts.calls("DynamoDb.GetItem") * per1000, counts.calls("DynamoDb.BatchGetItem") * per1000,
                counts.calls("DynamoDb.Query") * per1000, counts.calls("Sqs.SendMessage") * per1000,
                orderEvents / pass.handlerSeconds(), orderEvents, records, pass.handlerSeconds(),
                pass.failedBatches(), pass.ordersCounted(), ordersPlaced);
    }

    private void createTable(String table) {
        dynamoDb.createTable(request -> request.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S),
                        definition -> definition.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName("pk").keyType(KeyType.HASH),
                        key -> key.attributeName("sk").keyType(KeyType.RANGE)));
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table));
    }

    /** Orders the aggregates hold, summed over the by-status items (each order is in exactly one status). */
    private long ordersByStatus(String table) {
        return dynamoDb.scanPaginator(request -> request.tableName(table)).items().stream()
                .filter(item -> item.get("sk").s().startsWith("STATUS#"))
                .map(item -> item.get("orders"))
                .filter(value -> value != null && value.n() != null)
                .mapToLong(value -> Long.parseLong(value.n()))
                .sum();
    }
}
