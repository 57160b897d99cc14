package io.tessera.infra.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CDK app: {@code cdk synth|deploy --all -c webOrigins=https://app.example.com[,https://...] [-c alarmEmail=ops@example.com]}
 * from {@code infra/} (cdk.json runs this class on the classpath Maven wrote).
 */
public final class TesseraApp {

    public static final String STACK_NAME = "Tessera";
    public static final String CONSOLE_HOSTING_STACK_NAME = "TesseraConsoleHosting";
    public static final String CONSOLE_FILES_STACK_NAME = "TesseraConsole";

    /** The app's three stacks, in the order they deploy. */
    record Stacks(Stack consoleHosting, TesseraStack tessera, Stack consoleFiles) {
    }

    private TesseraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        StackSettings settings = new StackSettings(
                Arrays.stream(requiredContext(app, "webOrigins").split(",")).map(String::trim).toList(),
                Optional.ofNullable((String) app.getNode().tryGetContext("alarmEmail")),
                LambdaJars.fromBuild(),
                TierRates.fromApplicationConfig());
        // The account and region the CLI resolved from its credentials; unset, the templates are environment-agnostic.
        Environment environment = Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                .region(System.getenv("CDK_DEFAULT_REGION"))
                .build();
        define(app, settings, ConsoleFiles.fromBuild(), environment);
        app.synth();
    }

    /**
     * The admin console's hosting comes first, so that its origin joins the web origins of the API;
     * its files come last, with the API's addresses in their config.json.
     */
    static Stacks define(App app, StackSettings settings, ConsoleFiles consoleFiles, Environment environment) {
        Stack hostingStack = new Stack(app, CONSOLE_HOSTING_STACK_NAME, props(environment,
                "Tessera admin console: private S3 bucket behind CloudFront (origin access control)"));
        ConsoleHosting console = new ConsoleHosting(hostingStack, "Console");
        CfnOutput.Builder.create(hostingStack, "ConsoleUrl").value(console.origin() + "/").description("The admin console").build();

        TesseraStack tessera = new TesseraStack(app, STACK_NAME, props(environment,
                "Tessera: multi-tenant B2B commerce backend (API, WebSocket, Cognito, DynamoDB, EventBridge, SQS, S3)"),
                settings.withWebOrigin(console.origin()));

        Stack filesStack = new Stack(app, CONSOLE_FILES_STACK_NAME, props(environment,
                "Tessera admin console: its files and the API addresses they use"));
        new ConsoleDeployment(filesStack, "Console", new ConsoleDeployment.Props(consoleFiles, console, tessera.restApiUrl(), tessera.webSocketUrl()));
        return new Stacks(hostingStack, tessera, filesStack);
    }

    private static StackProps props(Environment environment, String description) {
        return StackProps.builder().description(description).env(environment).build();
    }

    private static String requiredContext(App app, String key) {
        Object value = app.getNode().tryGetContext(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("missing context '" + key + "': pass -c " + key + "=https://app.example.com");
        }
        return text;
    }
}
