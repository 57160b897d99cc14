package io.tessera.streams.ops;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of {@code scripts/analytics-rebuild}: everything here is decided before any AWS call. */
class RebuildAnalyticsCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... arguments) {
        CommandLine command = RebuildAnalytics.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    @Test
    void helpNamesTheOptionsTheTablesAndTheExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: analytics-rebuild [-h] [--check] [--dry-run] TENANT")
                .contains("TESSERA_RESOURCES_ANALYTICS_TABLE").contains("AWS_ENDPOINT_URL")
                .contains("Exit codes:").contains("3   --check only");
    }

    @Test
    void withoutATenantItSaysWhatIsMissingAndExitsWithTheUsageCode() {
        assertThat(run("--check")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required parameter: 'TENANT'");
    }

    @Test
    void aBlankTenantIsRefused() {
        assertThat(run(" ")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("TENANT must not be blank");
    }

    @Test
    void aSecondTenantIsRefused() {
        assertThat(run("acme", "globex")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument");
    }
}
