package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
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
 * queue, the stream consumers' failure queues, and the rules that route events to queues.
 */
final class Messaging extends Construct {

    /** Dead letters wait as long as SQS allows, for someone to read the alarm and redrive them. */
    private static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final EventBus bus;
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();

    Messaging(Construct scope, String id, List<TesseraResources.Queue> queueDefinitions,
              List<TesseraResources.StreamConsumer> streamConsumers, List<TesseraResources.Rule> rules) {
        super(scope, id);
        bus = EventBus.Builder.create(this, "Bus").eventBusName(TesseraResources.EVENT_BUS).build();
        queueDefinitions.forEach(this::createQueueWithDeadLetters);
        streamConsumers.stream()
                .map(TesseraResources.StreamConsumer::failureQueue)
                .distinct()
                .forEach(this::createDeadLetterQueue);
        rules.forEach(this::createRule);
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
}
