package io.tessera.local.sources;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tessera.core.resources.EventSourceHandlers;
import io.tessera.core.resources.TesseraResources;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Locally, Lambda's SQS event source mappings: one thread per queue of
 * {@link TesseraResources#QUEUES} long-polls it and hands each batch, as the same
 * {@link SQSEvent} Lambda would build, to the same handler class. Messages the handler reports as
 * failed stay in the queue (and reach the dead-letter queue after the retry budget); the rest are
 * deleted. To keep local retries quick, a failed message is visible again after a few seconds
 * instead of the queue's full visibility timeout.
 */
@Singleton
@Requires(env = "local")
class SqsEventSources {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSources.class);
    private static final int RETRY_VISIBILITY_SECONDS = 2;

    private final ApplicationContext context;
    private final SqsClient sqs;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    SqsEventSources(ApplicationContext context, SqsClient sqs) {
        this.context = context;
        this.sqs = sqs;
    }

    @EventListener
    void start(StartupEvent event) {
        for (TesseraResources.Queue queue : TesseraResources.QUEUES) {
            EventSourceHandlers.<RequestHandler<SQSEvent, SQSBatchResponse>>build(queue.name(), context).ifPresentOrElse(
                    handler -> pollers.add(Thread.ofPlatform().daemon().name("sqs-" + queue.name()).start(() -> poll(queue, handler))),
                    () -> LOG.error("no handler of {} is in this build; the queue is not polled", queue.name()));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread poller : pollers) {
            poller.join(3000);
        }
    }

    private void poll(TesseraResources.Queue queue, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        String url = null;
        String arn = null;
        while (running) {
            try {
                if (url == null) {
                    String queueUrl = sqs.getQueueUrl(request -> request.queueName(queue.name())).queueUrl();
                    arn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                            .attributes().get(QueueAttributeName.QUEUE_ARN);
                    url = queueUrl;
                }
                String queueUrl = url;
                List<Message> messages = sqs.receiveMessage(request -> request
                        .queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    deliver(queueUrl, arn, messages, handler);
                }
            } catch (RuntimeException e) {
                LOG.warn("polling {} failed: {}; retrying in a second", queue.name(), e.toString());
                url = null;
                sleep(1000);
            }
        }
    }

    private void deliver(String queueUrl, String arn, List<Message> messages, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> lambdaMessage(message, arn)).toList());
        Set<String> failed;
        try {
            failed = handler.handleRequest(event, null).getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            LOG.error("handler failed the whole batch of {} messages", messages.size(), e);
            failed = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        }
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(RETRY_VISIBILITY_SECONDS));
            } else {
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static SQSEvent.SQSMessage lambdaMessage(Message message, String arn) {
        SQSEvent.SQSMessage lambda = new SQSEvent.SQSMessage();
        lambda.setMessageId(message.messageId());
        lambda.setReceiptHandle(message.receiptHandle());
        lambda.setBody(message.body());
        lambda.setMd5OfBody(message.md5OfBody());
        lambda.setAttributes(message.attributes().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().toString(), Map.Entry::getValue)));
        lambda.setEventSource("aws:sqs");
        lambda.setEventSourceArn(arn);
        lambda.setAwsRegion(arn.split(":")[3]);
        return lambda;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
