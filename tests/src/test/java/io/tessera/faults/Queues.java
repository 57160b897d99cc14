package io.tessera.faults;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The emulator's SQS queues as the fault tests look into them and clean up after themselves. */
final class Queues {

    static final SqsClient SQS = SqsClient.create();

    private Queues() {
    }

    static String url(String queue) {
        return SQS.getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }

    /**
     * The messages a queue holds now, with their receive counts: each receive hides what it returned,
     * so the next one returns others; once all are seen they are made visible again for their consumers.
     */
    static List<Message> visible(String queue) {
        String url = url(queue);
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = SQS.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        all.forEach(message -> SQS.changeMessageVisibility(request -> request.queueUrl(url)
                .receiptHandle(message.receiptHandle()).visibilityTimeout(0)));
        return all;
    }

    /** Deletes the messages of {@code queue} that a test left there. */
    static void deleteWhere(String queue, Predicate<Message> left) {
        String url = url(queue);
        visible(queue).stream().filter(left)
                .forEach(message -> SQS.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle())));
    }
}
