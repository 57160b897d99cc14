package io.tessera.streams.ops;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a queue's dead-letter queue with SQS's own message move task: StartMessageMoveTask from
 * the dead-letter queue to its queue, then ListMessageMoveTasks until the task ends, printing its
 * progress (SQS API reference, "StartMessageMoveTask" and "ListMessageMoveTasksResultEntry").
 * The same calls work in AWS and against the emulator (tools/emulator_server.py implements them).
 */
final class QueueRedrive {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final PrintWriter out;

    QueueRedrive(SqsClient sqs, PrintWriter out) {
        this.sqs = sqs;
        this.out = out;
    }

    /**
     * Moves every message of {@code deadLetterQueue} back to {@code queue}.
     *
     * @param ratePerSecond the task's MaxNumberOfMessagesPerSecond (1 to 500); empty lets SQS choose
     * @param dryRun        only say what would be moved
     * @return an {@link ExitCodes} value: DONE once the task COMPLETED, FAILED if it FAILED or was cancelled
     */
    int redrive(String deadLetterQueue, String queue, Optional<Integer> ratePerSecond, boolean dryRun) throws InterruptedException {
        Map<QueueAttributeName, String> source = attributes(deadLetterQueue);
        String sourceArn = source.get(QueueAttributeName.QUEUE_ARN);
        String destinationArn = attributes(queue).get(QueueAttributeName.QUEUE_ARN);
        long waiting = Long.parseLong(source.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        long inFlight = Long.parseLong(source.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        String counts = waiting + " message(s) from " + deadLetterQueue + " to " + queue
                + (inFlight > 0 ? " (" + inFlight + " more are being received right now and are not moved)" : "");
        if (dryRun) {
            out.println("dry run: would move " + counts + " with an SQS message move task; nothing changed");
            return ExitCodes.DONE;
        }
        if (waiting == 0) {
            out.println("nothing to move: " + deadLetterQueue + " holds no visible message");
            return ExitCodes.DONE;
        }
        out.println("moving " + counts + " (SQS message move task)");
        String handle = sqs.startMessageMoveTask(request -> request.sourceArn(sourceArn).destinationArn(destinationArn)
                .maxNumberOfMessagesPerSecond(ratePerSecond.orElse(null))).taskHandle();
        Thread cancelOnInterrupt = Thread.ofPlatform().unstarted(() -> cancel(handle));
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            return await(sourceArn, deadLetterQueue, queue);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
        }
    }

    private int await(String sourceArn, String deadLetterQueue, String queue) throws InterruptedException {
        long reported = -1;
        while (true) {
            ListMessageMoveTasksResultEntry task = sqs.listMessageMoveTasks(request -> request.sourceArn(sourceArn).maxResults(1))
                    .results().getFirst();
            long moved = task.approximateNumberOfMessagesMoved() == null ? 0 : task.approximateNumberOfMessagesMoved();
            if (moved != reported) {
                out.printf("  %s: %d of %s moved%n", task.status(), moved,
                        task.approximateNumberOfMessagesToMove() == null ? "?" : task.approximateNumberOfMessagesToMove());
                out.flush();
                reported = moved;
            }
            switch (task.status()) {
                case "COMPLETED" -> {
                    out.println("moved " + moved + " message(s) from " + deadLetterQueue + " back to " + queue);
                    return ExitCodes.DONE;
                }
                case "FAILED" -> {
                    out.println("the move task FAILED after " + moved + " message(s): " + task.failureReason());
                    return ExitCodes.FAILED;
                }
                case "CANCELLED" -> {
                    out.println("the move task was cancelled after " + moved + " message(s); the rest stay in " + deadLetterQueue);
                    return ExitCodes.FAILED;
                }
                default -> Thread.sleep(POLL);
            }
        }
    }

    /** On Ctrl-C: CancelMessageMoveTask, so that no task keeps moving once its operator has gone. */
    private void cancel(String handle) {
        try {
            long moved = sqs.cancelMessageMoveTask(request -> request.taskHandle(handle)).approximateNumberOfMessagesMoved();
            out.println("interrupted: move task cancelled after " + moved + " message(s)");
            out.flush();
        } catch (RuntimeException finishedOrGone) {
            // The task had already ended: nothing to cancel.
        }
    }

    private Map<QueueAttributeName, String> attributes(String queueName) {
        String url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }
}
