package io.tessera.streams.ops;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.tessera.core.aws.StreamRecords;
import io.tessera.core.resources.EventSourceHandlers;
import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Replays a dead-letter queue once its cause is fixed: {@code Redrive <queue-name>}.
 * A queue's dead-letter messages go back to their queue; a stream consumer's failure records are
 * handed to that consumer again. A message is deleted only once it was replayed successfully.
 */
public final class Redrive {

    private Redrive() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Redrive <dead-letter or failure queue name>");
            System.exit(2);
        }
        String name = args[0];
        try (ApplicationContext context = ApplicationContext.run()) {
            SqsClient sqs = context.getBean(SqsClient.class);
            Optional<TesseraResources.Queue> queue = TesseraResources.QUEUES.stream().filter(q -> q.deadLetterName().equals(name)).findFirst();
            Optional<TesseraResources.StreamConsumer> consumer = TesseraResources.STREAM_CONSUMERS.stream()
                    .filter(c -> c.failureQueue().equals(name)).findFirst();
            int replayed;
            if (queue.isPresent()) {
                String target = sqs.getQueueUrl(request -> request.queueName(queue.get().name())).queueUrl();
                replayed = drain(sqs, name, message -> {
                    sqs.sendMessage(request -> request.queueUrl(target).messageBody(message.body()));
                    return true;
                });
            } else if (consumer.isPresent()) {
                RequestHandler<DynamodbEvent, StreamsEventResponse> handler = EventSourceHandlers.<RequestHandler<DynamodbEvent, StreamsEventResponse>>
                        build(consumer.get().name(), context).orElseThrow();
                ObjectMapper json = context.getBean(ObjectMapper.class);
                replayed = drain(sqs, name, message -> replayStreamRecord(handler, json, message));
            } else {
                System.err.println(name + " is not a dead-letter or failure queue of Tessera");
                System.exit(2);
                return;
            }
            System.out.println("replayed " + replayed + " message(s) from " + name);
        }
    }

    private interface Replay {
        boolean replay(Message message) throws IOException;
    }

    private static int drain(SqsClient sqs, String queueName, Replay replay) throws IOException {
        String url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
        int replayed = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                return replayed;
            }
            for (Message message : messages) {
                if (replay.replay(message)) {
                    sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
                    replayed++;
                } else {
                    System.err.println("message " + message.messageId() + " still fails; it stays in " + queueName);
                }
            }
        }
    }

    /** A failure record (see the local stream poller or Lambda's on-failure destination) given to its consumer again. */
    private static boolean replayStreamRecord(RequestHandler<DynamodbEvent, StreamsEventResponse> handler, ObjectMapper json,
                                              Message message) throws IOException {
        JsonNode failure = json.readValue(message.body(), JsonNode.class);
        StreamRecord.Builder stream = StreamRecord.builder().sequenceNumber(failure.get("sequenceNumber").getStringValue());
        image(failure, "keys").ifPresent(stream::keys);
        image(failure, "newImage").ifPresent(stream::newImage);
        image(failure, "oldImage").ifPresent(stream::oldImage);
        Record record = Record.builder()
                .eventName(OperationType.fromValue(failure.get("eventName").getStringValue()))
                .dynamodb(stream.build())
                .build();
        StreamsEventResponse response = handler.handleRequest(StreamRecords.event(List.of(record), failure.get("streamArn").getStringValue()), null);
        return response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty();
    }

    private static Optional<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> image(JsonNode failure, String name) {
        JsonNode image = failure.get(name);
        return image == null || image.isNull() ? Optional.empty() : Optional.of(EnhancedDocument.fromJson(image.getStringValue()).toMap());
    }
}
