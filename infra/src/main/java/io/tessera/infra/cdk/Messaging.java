package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tessera} event bus, every queue of {@link TesseraResources#QUEUES} with its dead-letter
 * queue, the stream consumers' failure queues, the rules that route events to queues, and the SNS
 * topics of {@link TesseraResources#TOPICS} with their queues subscribed (raw message delivery).
 */
final class Messaging extends Construct {

    /** Dead letters wait as long as SQS allows, for someone to read the alarm and redrive them. */
    private static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final EventBus bus;
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();
    private final Map<String, Topic> topics = new LinkedHashMap<>();

    Messaging(Construct scope, String id, List<TesseraResources.Queue> queueDefinitions,
              List<TesseraResources.StreamConsumer> streamConsumers, List<TesseraResources.Rule> rules,
              List<TesseraResources.Topic> topicDefinitions) {
        super(scope, id);
        bus = EventBus.Builder.create(this, "Bus").eventBusName(TesseraResources.EVENT_BUS).build();
        queueDefinitions.forEach(this::createQueueWithDeadLetters);
        streamConsumers.stream()
                .map(TesseraResources.StreamConsumer::failureQueue)
                .distinct()
                .forEach(this::createDeadLetterQueue);
        rules.forEach(this::createRule);
        topicDefinitions.forEach(this::createTopic);
    }

    EventBus bus() {
        return bus;
    }

    Queue queue(String name) {
        Queue queue = queues.get(name);
        if (queue == null) {
            throw new IllegalArgumentException("no queue " + name + " in this stack");
        }
        return queue;
    }

    Queue queue(TesseraResources.Queue definition) {
        return queue(definition.name());
    }

    Topic topic(TesseraResources.Topic definition) {
        Topic topic = topics.get(definition.name());
        if (topic == null) {
            throw new IllegalArgumentException("no topic " + definition.name() + " in this stack");
        }
        return topic;
    }

    /** The dead-letter and failure queues by name: a message there is work that failed for good. */
    Map<String, Queue> deadLetterQueues() {
        return Collections.unmodifiableMap(deadLetterQueues);
    }

    private void createQueueWithDeadLetters(TesseraResources.Queue definition) {
        Queue deadLetters = createDeadLetterQueue(definition.deadLetterName());
        queues.put(definition.name(), Queue.Builder.create(this, Names.constructId(definition.name()))
                .queueName(definition.name())
                .visibilityTimeout(Duration.seconds(definition.visibilityTimeoutSeconds()))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(definition.maxReceives()).build())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build());
    }

    private Queue createDeadLetterQueue(String name) {
        Queue queue = Queue.Builder.create(this, Names.constructId(name))
                .queueName(name)
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        queues.put(name, queue);
        deadLetterQueues.put(name, queue);
        return queue;
    }

    private void createRule(TesseraResources.Rule definition) {
        Rule.Builder.create(this, Names.constructId(definition.name()))
                .ruleName(definition.name())
                .eventBus(bus)
                .eventPattern(EventPatterns.fromJson(definition.eventPattern()))
                .targets(List.of(new SqsQueue(queue(definition.target()))))
                .build();
    }

    /**
     * The topic, refusing requests without TLS, and a raw-delivery subscription of each of its
     * queues; each subscription lets only this topic send to its queue (the queue policy's
     * {@code aws:SourceArn} condition). The topic is not encrypted: S3 can publish only to topics
     * without a key or with a customer managed one (Amazon S3 User Guide, "Granting permissions to
     * publish event notification messages to a destination").
     */
    private void createTopic(TesseraResources.Topic definition) {
        Topic topic = Topic.Builder.create(this, Names.constructId(definition.name()))
                .topicName(definition.name())
                .enforceSsl(true)
                .build();
        definition.subscribers().forEach(subscriber -> topic.addSubscription(SqsSubscription.Builder.create(queue(subscriber))
                .rawMessageDelivery(true)
                .build()));
        topics.put(definition.name(), topic);
    }
}
