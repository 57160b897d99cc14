package io.tessera.streams.ops;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of {@code scripts/redrive}: everything here is decided before any AWS call. */
class RedriveCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... arguments) {
        CommandLine command = Redrive.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    @Test
    void helpNamesTheQueuesTheOptionsAndTheExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: redrive [-h] [--dry-run] [--rate=N] QUEUE")
                .contains("tessera-orders-dlq").contains("tessera-outbox-dlq").contains("AWS_ENDPOINT_URL")
                .contains("--dry-run").contains("--rate=N").contains("Exit codes:").contains("3   stream failures left");
    }

    @Test
    void withoutAQueueItSaysWhatIsMissingAndExitsWithTheUsageCode() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required parameter: 'QUEUE'");
    }

    @Test
    void aQueueThatIsNotADeadLetterQueueOfTesseraIsRefusedWithTheListOfThoseThatAre() {
        assertThat(run("tessera-orders")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("tessera-orders is not a dead-letter or failure queue of Tessera")
                .contains("tessera-orders-dlq, tessera-notify-dlq").contains("tessera-analytics-dlq");
    }

    @Test
    void aRateOutsideWhatSqsAcceptsIsRefused() {
        assertThat(run("--rate", "0", "tessera-orders-dlq")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--rate", "501", "tessera-orders-dlq")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--rate takes 1 to 500");
    }

    @Test
    void aRateForAStreamFailureQueueIsRefusedAsItMovesNoMessages() {
        assertThat(run("--rate", "10", "tessera-outbox-dlq")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("applies only to a queue's dead-letter queue, not to tessera-outbox-dlq");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThat(run("--force", "tessera-orders-dlq")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--force'");
    }
}
