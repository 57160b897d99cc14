package io.tessera.streams.ops;

import io.micronaut.context.ApplicationContext;
import io.tessera.core.analytics.AnalyticsRebuild;
import io.tessera.core.analytics.Delta;
import io.tessera.core.context.CallContext;
import io.tessera.core.resources.ResourcesConfiguration;
import io.tessera.core.tenants.TenantProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scripts/analytics-rebuild}: recomputes a tenant's analytics aggregates from its orders
 * (repair, backfill) with {@link AnalyticsRebuild}, or with {@code --check} / {@code --dry-run}
 * only compares them. Talks to {@code AWS_ENDPOINT_URL} when set, to AWS itself otherwise.
 */
@Command(name = "analytics-rebuild", sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Recomputes a tenant's analytics aggregates from its orders and replaces the stored ones (repair, backfill).",
                "Run it while the tenant is quiet: aggregates the live aggregator writes meanwhile may be overwritten; running it again is harmless.",
                "Talks to AWS_ENDPOINT_URL when it is set (the emulator locally), to AWS itself otherwise, in AWS_REGION; the tables are "
                        + "TESSERA_RESOURCES_MAIN_TABLE and TESSERA_RESOURCES_ANALYTICS_TABLE (default tessera-main, tessera-analytics)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:rebuilt, or (--check, --dry-run) compared; nothing changed with --check or --dry-run",
                "1:AWS refused or failed; see the message",
                "2:wrong command line",
                "3:--check only: the stored aggregates differ from the recomputed ones"})
public final class RebuildAnalytics implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(index = "0", paramLabel = "TENANT", description = "the tenant's id, e.g. demo")
    String tenantId;

    @Option(names = "--check", description = "only compare the stored aggregates with the recomputed ones; exit 3 if they differ")
    boolean check;

    @Option(names = "--dry-run", description = "say how many aggregate items a rebuild would write and remove; change nothing")
    boolean dryRun;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of this command, with its error handling: what {@link #main} runs and the tests drive. */
    static CommandLine commandLine() {
        return new CommandLine(new RebuildAnalytics()).setExecutionExceptionHandler(new OperatorErrors());
    }

    @Override
    public Integer call() {
        if (tenantId.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "TENANT must not be blank");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationContext context = ApplicationContext.run()) {
            ResourcesConfiguration resources = context.getBean(ResourcesConfiguration.class);
            // Configured like the data layer's DynamoDB client (same endpoint, Region, credentials), which only the data layer holds.
            out.println(AwsTarget.of(context.getBean(DynamoDbStreamsClient.class).serviceClientConfiguration()).describe());
            out.println("tables: " + resources.getMainTable() + " (orders), " + resources.getAnalyticsTable() + " (aggregates)");
            AnalyticsRebuild rebuild = context.getBean(AnalyticsRebuild.class);
            TenantProfiles tenants = context.getBean(TenantProfiles.class);
            return CallContext.system(tenantId, null).call(() -> {
                if (tenants.get().isEmpty()) {
                    // As the API answers 404 for it: a mistyped id must not read as "aggregates match".
                    throw new CommandLine.ParameterException(spec.commandLine(), "no tenant " + tenantId);
                }
                return run(rebuild, out);
            });
        } finally {
            out.flush();
        }
    }

    private int run(AnalyticsRebuild rebuild, PrintWriter out) {
        out.println("reading the orders of tenant " + tenantId + "...");
        out.flush();
        Map<String, Delta> computed = rebuild.computed();
        out.println("reading its stored aggregates...");
        out.flush();
        Map<String, Delta> stored = rebuild.stored();
        long toWrite = computed.entrySet().stream().filter(entry -> !entry.getValue().equals(stored.get(entry.getKey()))).count();
        long toRemove = stored.keySet().stream().filter(key -> !computed.containsKey(key)).count();
        boolean same = toWrite == 0 && toRemove == 0;
        out.printf("tenant %s: %d aggregates recomputed from its orders; stored aggregates %s%s%n", tenantId, computed.size(),
                same ? "match" : "differ", same ? "" : " (" + toWrite + " to write, " + toRemove + " to remove)");
        if (check) {
            return same ? ExitCodes.DONE : ExitCodes.LEFT;
        }
        if (dryRun) {
            out.printf("dry run: a rebuild would write %d and remove %d aggregate item(s); nothing changed%n", toWrite, toRemove);
            return ExitCodes.DONE;
        }
        out.println("rebuilding...");
        out.flush();
        out.printf("rebuilt: %d items written or removed%n", rebuild.rebuild());
        return ExitCodes.DONE;
    }
}
