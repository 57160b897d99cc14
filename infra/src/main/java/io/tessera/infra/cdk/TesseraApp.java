package io.tessera.infra.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CDK app: {@code cdk synth|deploy -c webOrigins=https://app.example.com[,https://...] [-c alarmEmail=ops@example.com]}
 * from {@code infra/} (cdk.json runs this class on the classpath Maven wrote).
 */
public final class TesseraApp {

    public static final String STACK_NAME = "Tessera";

    private TesseraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        StackSettings settings = new StackSettings(
                Arrays.stream(requiredContext(app, "webOrigins").split(",")).map(String::trim).toList(),
                Optional.ofNullable((String) app.getNode().tryGetContext("alarmEmail")),
                LambdaJars.fromBuild(),
                TierRates.fromApplicationConfig());
        new TesseraStack(app, STACK_NAME, StackProps.builder()
                .description("Tessera: multi-tenant B2B commerce backend (API, WebSocket, Cognito, DynamoDB, EventBridge, SQS, S3)")
                // The account and region the CLI resolved from its credentials; unset, the template is environment-agnostic.
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build(), settings);
        app.synth();
    }

    private static String requiredContext(App app, String key) {
        Object value = app.getNode().tryGetContext(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("missing context '" + key + "': pass -c " + key + "=https://app.example.com");
        }
        return text;
    }
}
