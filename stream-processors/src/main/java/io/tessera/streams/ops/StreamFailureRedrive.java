package io.tessera.streams.ops;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works through a stream consumer's failure queue: each message is a Lambda on-failure record
 * ({@link StreamFailure}); its records are read back from the stream and handed to the consumer
 * again ({@link StreamFailureReplay}). A message is deleted only once its replay succeeded; the
 * others are made visible again at the end, for the next run.
 */
final class StreamFailureRedrive {

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final StreamFailureReplay replay;
    private final PrintWriter out;

    StreamFailureRedrive(SqsClient sqs, ObjectMapper json, StreamFailureReplay replay, PrintWriter out) {
        this.sqs = sqs;
        this.json = json;
        this.replay = replay;
        this.out = out;
    }

    /**
     * Replays every message of {@code failureQueue} once.
     *
     * @param dryRun read the records back, say what would be replayed, hand nothing over, delete nothing
     * @return an {@link ExitCodes} value: DONE if nothing is left in the queue by this run, LEFT otherwise
     */
    int redrive(String failureQueue, String consumer, boolean dryRun) {
        String url = sqs.getQueueUrl(request -> request.queueName(failureQueue)).queueUrl();
        out.println((dryRun ? "dry run: reading " : "replaying ") + "the failed batches in " + failureQueue + " to the " + consumer + " consumer");
        Map<StreamFailureReplay.Kind, Integer> counts = new EnumMap<>(StreamFailureReplay.Kind.class);
        int unreadable = 0;
        Set<String> seen = new HashSet<>();
        List<Message> left = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(300)).messages();
            List<Message> fresh = messages.stream().filter(message -> seen.add(message.messageId())).toList();
            left.addAll(messages.stream().filter(message -> !fresh.contains(message)).toList());
            if (fresh.isEmpty()) {
                break;
            }
            for (Message message : fresh) {
                StreamFailureReplay.Outcome outcome;
                try {
                    outcome = replay.replay(StreamFailure.of(json.readValue(message.body(), JsonNode.class)), dryRun);
                } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
                    out.println("  message " + message.messageId() + " left: " + e.getMessage());
                    unreadable++;
                    left.add(message);
                    continue;
                }
                counts.merge(outcome.kind(), 1, Integer::sum);
                out.println("  message " + message.messageId() + ": " + outcome.detail());
                out.flush();
                if (outcome.kind() == StreamFailureReplay.Kind.REPLAYED) {
                    sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
                } else {
                    left.add(message);
                }
            }
        }
        left.forEach(message -> makeVisible(url, message));
        int replayed = counts.getOrDefault(StreamFailureReplay.Kind.REPLAYED, 0);
        int remaining = seen.size() - replayed;
        if (dryRun) {
            out.printf("dry run: %d message(s) in %s; %d would be replayed, %d could not (nothing changed)%n", seen.size(), failureQueue,
                    counts.getOrDefault(StreamFailureReplay.Kind.WOULD_REPLAY, 0),
                    seen.size() - counts.getOrDefault(StreamFailureReplay.Kind.WOULD_REPLAY, 0));
            return ExitCodes.DONE;
        }
        out.printf("replayed %d message(s) from %s; %d left (%d still failing, %d past retention, %d not found, %d unreadable)%n",
                replayed, failureQueue, remaining, counts.getOrDefault(StreamFailureReplay.Kind.STILL_FAILS, 0),
                counts.getOrDefault(StreamFailureReplay.Kind.PAST_RETENTION, 0), counts.getOrDefault(StreamFailureReplay.Kind.NOT_FOUND, 0),
                unreadable);
        return remaining == 0 ? ExitCodes.DONE : ExitCodes.LEFT;
    }

    /** A message left for the next run is visible again at once, not after this run's visibility timeout. */
    private void makeVisible(String url, Message message) {
        try {
            sqs.changeMessageVisibility(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        } catch (SqsException staleReceipt) {
            // Received again meanwhile under a newer receipt handle, which is made visible in its turn.
        }
    }
}
