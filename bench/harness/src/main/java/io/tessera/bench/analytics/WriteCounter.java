package io.tessera.bench.analytics;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every AWS SDK call this JVM makes, by service and operation, and the items each DynamoDB
 * write call writes (every item of a transaction or batch, condition checks included, as DynamoDB
 * bills them). Registered for every SDK client as a global interceptor by the file
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, which only the
 * analytics-cost command puts on the class path. Calls are counted when they start, failed ones too.
 */
public final class WriteCounter implements ExecutionInterceptor {

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> ITEMS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> FAILURES = new ConcurrentHashMap<>();

    /** What was counted since the last {@link #reset()}, keyed {@code Service.Operation}. */
    record Counts(Map<String, Long> calls, Map<String, Long> itemsWritten, Map<String, Long> failures) {

        long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }

        long items(String operation) {
            return itemsWritten.getOrDefault(operation, 0L);
        }
    }

    static void reset() {
        CALLS.clear();
        ITEMS.clear();
        FAILURES.clear();
    }

    static Counts snapshot() {
        return new Counts(copy(CALLS), copy(ITEMS), copy(FAILURES));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = name(attributes);
        CALLS.computeIfAbsent(operation, key -> new LongAdder()).increment();
        long items = itemsWritten(context.request());
        if (items > 0) {
            ITEMS.computeIfAbsent(operation, key -> new LongAdder()).add(items);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        FAILURES.computeIfAbsent(name(attributes), key -> new LongAdder()).increment();
    }

    private static String name(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static long itemsWritten(SdkRequest request) {
        return switch (request) {
            case TransactWriteItemsRequest transaction -> transaction.transactItems().size();
            case BatchWriteItemRequest batch -> batch.requestItems().values().stream().mapToLong(java.util.List::size).sum();
            case PutItemRequest put -> 1;
            case UpdateItemRequest update -> 1;
            case DeleteItemRequest delete -> 1;
            default -> 0;
        };
    }

    private static Map<String, Long> copy(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }
}
