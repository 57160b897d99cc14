package io.tessera.bench.analytics;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The records of a table's stream (every shard, oldest first) that belong to some tenants. */
record StreamHistory(String streamArn, List<Record> records) {

    static StreamHistory read(DynamoDbStreamsClient streams, String streamArn, Set<String> tenantIds) {
        List<Record> records = new ArrayList<>();
        List<Shard> shards = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards();
        for (Shard shard : shards) {
            String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(request -> request.shardIterator(current).limit(1000));
                page.records().stream().filter(record -> tenantIds.contains(tenantOf(record))).forEach(records::add);
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return new StreamHistory(streamArn, List.copyOf(records));
    }

    /** Records that are order events, by the outbox's rule: a new order, or an order whose status changed. */
    long orderEvents() {
        return records.stream().filter(StreamHistory::isOrderEvent).count();
    }

    private static boolean isOrderEvent(Record record) {
        Map<String, AttributeValue> after = record.dynamodb().newImage();
        if (after == null || after.isEmpty() || !"ORDER".equals(string(after, "type"))) {
            return false;
        }
        Map<String, AttributeValue> before = record.dynamodb().oldImage();
        if (before == null || before.isEmpty()) {
            return true;
        }
        return "MODIFY".equals(record.eventNameAsString()) && !Objects.equals(string(before, "status"), string(after, "status"));
    }

    private static String tenantOf(Record record) {
        String pk = string(record.dynamodb().keys(), "pk");
        return pk != null && pk.startsWith("TENANT#") ? pk.substring("TENANT#".length()) : null;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null ? null : value.s();
    }
}
