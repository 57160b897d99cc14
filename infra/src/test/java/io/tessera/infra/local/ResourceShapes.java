package io.tessera.infra.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.resources.TesseraResources;
import io.tessera.infra.cdk.EntryPoints;
import io.tessera.infra.cdk.TemplateJson;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of tables, queues, rules, topics and their subscriptions, and event source mappings that TesseraResources decides,
 * read from three places: the definitions themselves, the synthesized CDK template, and the
 * requests the local provisioner sends. Equal shapes mean the three agree.
 */
final class ResourceShapes {

    record Table(String name, String partitionKey, Optional<String> sortKey, Set<Index> indexes, Optional<String> ttlAttribute,
                 Optional<String> streamView) {
    }

    record Index(String name, String partitionKey, String sortKey) {
    }

    record Queue(String name, Optional<Integer> visibilityTimeoutSeconds, Optional<Integer> retentionSeconds,
                 Optional<String> deadLetterQueue, Optional<Integer> maxReceives) {
    }

    record Rule(String name, String bus, Map<String, Object> pattern, String targetQueue) {
    }

    /** A queue's subscription to an SNS topic, and whether it delivers raw (the body is the published message itself). */
    record Subscription(String topic, String queue, boolean rawMessageDelivery) {
    }

    /** A Lambda event source mapping: the handler, the queue or table it reads, and what TesseraResources bounds. */
    record Mapping(String handler, String source, Optional<Integer> batchSize, Optional<Integer> maxRetries, Optional<String> failureQueue) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEAD_LETTER_RETENTION = 14 * 24 * 3600;
    private static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";

    private ResourceShapes() {
    }

    /** What {@link TesseraResources} defines. */
    static final class Defined {

        private Defined() {
        }

        static Set<Table> tables() {
            return TesseraResources.TABLES.stream().map(table -> new Table(table.name(), table.partitionKey(), table.sortKey(),
                            table.indexes().stream().map(index -> new Index(index.name(), index.partitionKey(), index.sortKey())).collect(Collectors.toSet()),
                            table.ttlAttribute(), table.stream() ? Optional.of(NEW_AND_OLD_IMAGES) : Optional.empty()))
                    .collect(Collectors.toSet());
        }

        static Set<Queue> queues() {
            Stream<Queue> queues = TesseraResources.QUEUES.stream().flatMap(queue -> Stream.of(
                    new Queue(queue.name(), Optional.of(queue.visibilityTimeoutSeconds()), Optional.empty(),
                            Optional.of(queue.deadLetterName()), Optional.of(queue.maxReceives())),
                    deadLetters(queue.deadLetterName())));
            Stream<Queue> failureQueues = TesseraResources.STREAM_CONSUMERS.stream().map(consumer -> deadLetters(consumer.failureQueue()));
            return Stream.concat(queues, failureQueues).collect(Collectors.toSet());
        }

        static Set<Rule> rules() {
            return TesseraResources.RULES.stream()
                    .map(rule -> new Rule(rule.name(), TesseraResources.EVENT_BUS, parse(rule.eventPattern()), rule.target().name()))
                    .collect(Collectors.toSet());
        }

        static Set<String> topics() {
            return TesseraResources.TOPICS.stream().map(TesseraResources.Topic::name).collect(Collectors.toSet());
        }

        static Set<Subscription> subscriptions() {
            return TesseraResources.TOPICS.stream().flatMap(topic -> topic.subscribers().stream()
                    .map(queue -> new Subscription(topic.name(), queue.name(), true))).collect(Collectors.toSet());
        }

        static Set<Mapping> mappings() {
            return Stream.concat(
                    TesseraResources.QUEUES.stream().map(queue ->
                            new Mapping(EntryPoints.handlerOf(queue.name()), queue.name(), Optional.empty(), Optional.empty(), Optional.empty())),
                    TesseraResources.STREAM_CONSUMERS.stream().map(consumer -> new Mapping(EntryPoints.handlerOf(consumer.name()), consumer.table().name(),
                            Optional.of(consumer.batchSize()), Optional.of(consumer.maxRetries()), Optional.of(consumer.failureQueue()))))
                    .collect(Collectors.toSet());
        }

        private static Queue deadLetters(String name) {
            return new Queue(name, Optional.empty(), Optional.of(DEAD_LETTER_RETENTION), Optional.empty(), Optional.empty());
        }
    }

    /** What the synthesized CDK template declares. */
    static final class Synthesized {

        private final TemplateJson template;

        Synthesized(TemplateJson template) {
            this.template = template;
        }

        Set<Table> tables() {
            return template.resources("AWS::DynamoDB::Table").values().stream().map(TemplateJson::properties).map(table -> new Table(
                            (String) table.get("TableName"),
                            key(TemplateJson.list(table, "KeySchema"), "HASH").orElseThrow(),
                            key(TemplateJson.list(table, "KeySchema"), "RANGE"),
                            TemplateJson.list(table, "GlobalSecondaryIndexes").stream().map(index -> new Index(
                                    (String) index.get("IndexName"),
                                    key(TemplateJson.list(index, "KeySchema"), "HASH").orElseThrow(),
                                    key(TemplateJson.list(index, "KeySchema"), "RANGE").orElseThrow())).collect(Collectors.toSet()),
                            Optional.ofNullable(TemplateJson.at(table, "TimeToLiveSpecification", "AttributeName")),
                            Optional.ofNullable(TemplateJson.at(table, "StreamSpecification", "StreamViewType"))))
                    .collect(Collectors.toSet());
        }

        Set<Queue> queues() {
            return template.resources("AWS::SQS::Queue").values().stream().map(TemplateJson::properties).map(queue -> new Queue(
                            (String) queue.get("QueueName"),
                            Optional.ofNullable((Integer) queue.get("VisibilityTimeout")),
                            Optional.ofNullable((Integer) queue.get("MessageRetentionPeriod")),
                            Optional.ofNullable(TemplateJson.at(queue, "RedrivePolicy", "deadLetterTargetArn"))
                                    .map(arn -> (String) template.propertyOf(arn, "QueueName")),
                            Optional.ofNullable(TemplateJson.at(queue, "RedrivePolicy", "maxReceiveCount"))))
                    .collect(Collectors.toSet());
        }

        /** The bus's rules (those with an event pattern; the others are schedules). */
        Set<Rule> rules() {
            return template.resources("AWS::Events::Rule").values().stream().map(TemplateJson::properties)
                    .filter(rule -> rule.containsKey("EventPattern"))
                    .map(rule -> new Rule(
                            (String) rule.get("Name"),
                            (String) template.propertyOf(rule.get("EventBusName"), "Name"),
                            TemplateJson.at(rule, "EventPattern"),
                            (String) template.propertyOf(single(TemplateJson.list(rule, "Targets")).get("Arn"), "QueueName")))
                    .collect(Collectors.toSet());
        }

        /** The topics that fan out to queues (the alarm topic, which mails operators, exists only in AWS). */
        Set<String> topics() {
            return template.resources("AWS::SNS::Subscription").values().stream().map(TemplateJson::properties)
                    .filter(subscription -> "sqs".equals(subscription.get("Protocol")))
                    .map(subscription -> (String) template.propertyOf(subscription.get("TopicArn"), "TopicName"))
                    .collect(Collectors.toSet());
        }

        Set<Subscription> subscriptions() {
            return template.resources("AWS::SNS::Subscription").values().stream().map(TemplateJson::properties)
                    .filter(subscription -> "sqs".equals(subscription.get("Protocol")))
                    .map(subscription -> new Subscription(
                            (String) template.propertyOf(subscription.get("TopicArn"), "TopicName"),
                            (String) template.propertyOf(subscription.get("Endpoint"), "QueueName"),
                            Boolean.TRUE.equals(subscription.get("RawMessageDelivery"))))
                    .collect(Collectors.toSet());
        }

        Set<Mapping> mappings() {
            return template.resources("AWS::Lambda::EventSourceMapping").values().stream().map(TemplateJson::properties).map(mapping -> {
                boolean stream = TemplateJson.<List<Object>>at(mapping, "EventSourceArn", "Fn::GetAtt").get(1).equals("StreamArn");
                return new Mapping(
                        handlerOf(mapping.get("FunctionName")),
                        (String) template.propertyOf(mapping.get("EventSourceArn"), stream ? "TableName" : "QueueName"),
                        stream ? Optional.of((Integer) mapping.get("BatchSize")) : Optional.empty(),
                        Optional.ofNullable((Integer) mapping.get("MaximumRetryAttempts")),
                        Optional.ofNullable(TemplateJson.at(mapping, "DestinationConfig", "OnFailure", "Destination"))
                                .map(queue -> (String) template.propertyOf(queue, "QueueName")));
            }).collect(Collectors.toSet());
        }

        /** A mapping names {@code <function>:live}, built from the alias' ARN; the alias points at the function. */
        private String handlerOf(Object functionName) {
            List<Object> join = TemplateJson.at(functionName, "Fn::Join");
            Object splitAliasArn = TemplateJson.<List<Object>>at(((List<?>) join.get(1)).get(0), "Fn::Select").get(1);
            Object alias = TemplateJson.<List<Object>>at(splitAliasArn, "Fn::Split").get(1);
            Object function = template.propertyOf(alias, "FunctionName");
            return (String) template.propertyOf(function, "Handler");
        }

        private static Optional<String> key(List<Map<String, Object>> keySchema, String keyType) {
            return keySchema.stream().filter(key -> keyType.equals(key.get("KeyType"))).map(key -> (String) key.get("AttributeName")).findFirst();
        }
    }

    /** What the local provisioner asked the (recording) emulator to create. */
    static final class Provisioned {

        private final RecordingAws aws;

        Provisioned(RecordingAws aws) {
            this.aws = aws;
        }

        Set<Table> tables() {
            Map<String, String> ttl = aws.requests(UpdateTimeToLiveRequest.class).stream().collect(Collectors.toMap(
                    UpdateTimeToLiveRequest::tableName, request -> request.timeToLiveSpecification().attributeName()));
            return aws.requests(CreateTableRequest.class).stream().map(table -> new Table(
                            table.tableName(),
                            key(table.keySchema(), KeyType.HASH).orElseThrow(),
                            key(table.keySchema(), KeyType.RANGE),
                            table.globalSecondaryIndexes().stream().map(index -> new Index(index.indexName(),
                                    key(index.keySchema(), KeyType.HASH).orElseThrow(),
                                    key(index.keySchema(), KeyType.RANGE).orElseThrow())).collect(Collectors.toSet()),
                            Optional.ofNullable(ttl.get(table.tableName())),
                            Optional.ofNullable(table.streamSpecification()).map(StreamSpecification::streamViewTypeAsString)))
                    .collect(Collectors.toSet());
        }

        Set<Queue> queues() {
            return aws.requests(CreateQueueRequest.class).stream().map(queue -> {
                Map<QueueAttributeName, String> attributes = queue.attributes();
                Optional<Map<String, Object>> redrive = Optional.ofNullable(attributes.get(QueueAttributeName.REDRIVE_POLICY)).map(ResourceShapes::parse);
                return new Queue(
                        queue.queueName(),
                        Optional.ofNullable(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).map(Integer::valueOf),
                        Optional.ofNullable(attributes.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).map(Integer::valueOf),
                        redrive.map(policy -> queueName((String) policy.get("deadLetterTargetArn"))),
                        redrive.map(policy -> Integer.valueOf(String.valueOf(policy.get("maxReceiveCount")))));
            }).collect(Collectors.toSet());
        }

        Set<Rule> rules() {
            Map<String, String> targets = aws.requests(PutTargetsRequest.class).stream().collect(Collectors.toMap(
                    PutTargetsRequest::rule, request -> queueName(single(request.targets()).arn())));
            return aws.requests(PutRuleRequest.class).stream()
                    .map(rule -> new Rule(rule.name(), rule.eventBusName(), parse(rule.eventPattern()), targets.get(rule.name())))
                    .collect(Collectors.toSet());
        }

        Set<String> topics() {
            return aws.requests(CreateTopicRequest.class).stream().map(CreateTopicRequest::name).collect(Collectors.toSet());
        }

        Set<Subscription> subscriptions() {
            return aws.requests(SubscribeRequest.class).stream()
                    .filter(subscription -> subscription.protocol().equals("sqs"))
                    .map(subscription -> new Subscription(queueName(subscription.topicArn()), queueName(subscription.endpoint()),
                            "true".equals(subscription.attributes().get("RawMessageDelivery"))))
                    .collect(Collectors.toSet());
        }

        /** The last part of an SQS queue's or SNS topic's ARN: its name. */
        private static String queueName(String arn) {
            return arn.substring(arn.lastIndexOf(':') + 1);
        }

        private static Optional<String> key(List<KeySchemaElement> keySchema, KeyType keyType) {
            return keySchema.stream().filter(key -> key.keyType() == keyType).map(KeySchemaElement::attributeName).findFirst();
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T single(List<T> list) {
        if (list.size() != 1) {
            throw new AssertionError("expected exactly one, got " + list);
        }
        return list.get(0);
    }
}
