package io.tessera.streams.ops;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.tessera.core.resources.EventSourceHandlers;
import io.tessera.core.resources.TesseraResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code scripts/redrive}: replays a dead-letter queue once its cause is fixed. A queue's
 * dead-letter queue goes back to its queue through an SQS message move task ({@link QueueRedrive});
 * a stream consumer's failure queue holds Lambda on-failure records, whose records are read back
 * from the stream and handed to the consumer again ({@link StreamFailureRedrive}). Talks to
 * {@code AWS_ENDPOINT_URL} when set, to AWS itself otherwise.
 */
@Command(name = "redrive", sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Replays a dead-letter queue of Tessera once the cause of its failures is fixed.",
                "A queue's dead-letter queue (tessera-orders-dlq, tessera-notify-dlq, tessera-uploads-dlq, tessera-upload-media-dlq, "
                        + "tessera-analytics-push-dlq, tessera-connections-dlq) goes back to its queue with an SQS message move task.",
                "A stream consumer's failure queue (tessera-outbox-dlq, tessera-analytics-dlq) holds Lambda on-failure records: "
                        + "their records are read back from the DynamoDB stream (kept 24 hours) and handed to the consumer again; "
                        + "a message is deleted only once that succeeded.",
                "Talks to AWS_ENDPOINT_URL when it is set (the emulator locally), to AWS itself otherwise, in AWS_REGION."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:done (with --dry-run: nothing changed)",
                "1:AWS refused or failed, or the move task failed; see the message",
                "2:wrong command line",
                "3:stream failures left: still failing, past retention or not found"})
public final class Redrive implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "the dead-letter or failure queue, e.g. tessera-orders-dlq")
    String queueName;

    @Option(names = "--dry-run", description = "say what would be moved or replayed; change nothing")
    boolean dryRun;

    @Option(names = "--rate", paramLabel = "N",
            description = "queue dead-letter queues only: move at most N messages per second (1-500; default: SQS chooses)")
    Integer rate;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of this command, with its error handling: what {@link #main} runs and the tests drive. */
    static CommandLine commandLine() {
        return new CommandLine(new Redrive()).setExecutionExceptionHandler(new OperatorErrors());
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<TesseraResources.Queue> queue = TesseraResources.QUEUES.stream()
                .filter(candidate -> candidate.deadLetterName().equals(queueName)).findFirst();
        Optional<TesseraResources.StreamConsumer> consumer = TesseraResources.STREAM_CONSUMERS.stream()
                .filter(candidate -> candidate.failureQueue().equals(queueName)).findFirst();
        if (queue.isEmpty() && consumer.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), queueName + " is not a dead-letter or failure queue of Tessera; one of: "
                    + String.join(", ", Stream.concat(TesseraResources.QUEUES.stream().map(TesseraResources.Queue::deadLetterName),
                    TesseraResources.STREAM_CONSUMERS.stream().map(TesseraResources.StreamConsumer::failureQueue)).toList()));
        }
        if (rate != null && (consumer.isPresent() || rate < 1 || rate > 500)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rate takes 1 to 500 and applies only to a queue's dead-letter queue, not to " + queueName);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationContext context = ApplicationContext.run()) {
            SqsClient sqs = context.getBean(SqsClient.class);
            out.println(AwsTarget.of(sqs.serviceClientConfiguration()).describe());
            out.flush();
            if (queue.isPresent()) {
                return new QueueRedrive(sqs, out).redrive(queueName, queue.get().name(), Optional.ofNullable(rate), dryRun);
            }
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler = EventSourceHandlers
                    .<RequestHandler<DynamodbEvent, StreamsEventResponse>>build(consumer.get().name(), context)
                    .orElseThrow(() -> new IllegalStateException("the handler of " + consumer.get().name() + " is not in this build"));
            StreamFailureReplay replay = new StreamFailureReplay(context.getBean(DynamoDbStreamsClient.class), handler, Clock.systemUTC());
            return new StreamFailureRedrive(sqs, context.getBean(ObjectMapper.class), replay, out)
                    .redrive(queueName, consumer.get().name(), dryRun);
        } finally {
            out.flush();
        }
    }
}
