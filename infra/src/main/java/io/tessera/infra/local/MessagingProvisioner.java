package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources.Queue;
import io.tessera.core.resources.TesseraResources.Rule;
import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.List;
import java.util.Map;

/** Creates the event bus, each queue with its dead-letter queue, and the rules that feed the queues. */
final class MessagingProvisioner {

    private static final String FOURTEEN_DAYS = Integer.toString(14 * 24 * 3600);

    private final EventBridgeClient eventBridge;
    private final SqsClient sqs;

    MessagingProvisioner(EventBridgeClient eventBridge, SqsClient sqs) {
        this.eventBridge = eventBridge;
        this.sqs = sqs;
    }

    void provision(List<Queue> queues, List<TesseraResources.StreamConsumer> streamConsumers, List<Rule> rules) {
        provisionBus(TesseraResources.EVENT_BUS);
        queues.forEach(this::provisionQueue);
        streamConsumers.forEach(consumer -> ensureQueue(consumer.failureQueue(),
                Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, FOURTEEN_DAYS)));
        rules.forEach(this::provisionRule);
    }

    private void provisionBus(String name) {
        try {
            eventBridge.describeEventBus(request -> request.name(name));
        } catch (ResourceNotFoundException e) {
            eventBridge.createEventBus(request -> request.name(name));
            System.out.println("created event bus " + name);
        }
    }

    private void provisionQueue(Queue queue) {
        String deadLetterUrl = ensureQueue(queue.deadLetterName(), Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, FOURTEEN_DAYS));
        String redrivePolicy = "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                .formatted(arnOf(deadLetterUrl), queue.maxReceives());
        ensureQueue(queue.name(), Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy));
    }

    /** Creates the queue, or brings an existing one's attributes up to date. Returns its URL. */
    private String ensureQueue(String name, Map<QueueAttributeName, String> attributes) {
        try {
            String url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
            sqs.setQueueAttributes(request -> request.queueUrl(url).attributes(attributes));
            return url;
        } catch (SqsException e) {
            // moto answers with the query protocol's error code, which the SDK does not map to QueueDoesNotExistException.
            if (e.statusCode() != 400 || !e.getMessage().contains("does not exist")) {
                throw e;
            }
            System.out.println("created queue " + name);
            return sqs.createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
        }
    }

    private void provisionRule(Rule rule) {
        String ruleArn = eventBridge.putRule(request -> request
                .name(rule.name())
                .eventBusName(TesseraResources.EVENT_BUS)
                .eventPattern(rule.eventPattern())).ruleArn();
        String queueUrl = sqs.getQueueUrl(request -> request.queueName(rule.target().name())).queueUrl();
        String queueArn = arnOf(queueUrl);
        eventBridge.putTargets(request -> request
                .rule(rule.name())
                .eventBusName(TesseraResources.EVENT_BUS)
                .targets(target -> target.id(rule.target().name()).arn(queueArn)));
        sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},\
                "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(queueArn, ruleArn))));
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
