package io.tessera.infra.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack as the tests see it, synthesized once for the whole test run (synthesis starts a Node
 * process and takes seconds). It is built from the real Lambda jars of this build: when one is
 * missing, every test that uses it fails.
 */
public final class SynthesizedStack {

    public static final List<String> WEB_ORIGINS = List.of("https://app.example.com", "https://admin.example.com");
    public static final String ALARM_EMAIL = "ops@example.com";

    private static SynthesizedStack instance;

    private final StackSettings settings;
    private final TesseraStack stack;
    private final Template template;
    private final TemplateJson json;

    private SynthesizedStack() {
        settings = new StackSettings(WEB_ORIGINS, Optional.of(ALARM_EMAIL), LambdaJars.fromBuild(), TierRates.fromApplicationConfig());
        // The jars are 40 MB each: reference them where the build put them instead of copying them per synthesis.
        App app = new App(AppProps.builder().context(Map.of("aws:cdk:disable-asset-staging", true)).build());
        stack = new TesseraStack(app, TesseraApp.STACK_NAME, StackProps.builder().build(), settings);
        template = Template.fromStack(stack);
        json = new TemplateJson(template.toJSON());
    }

    public static synchronized SynthesizedStack get() {
        if (instance == null) {
            instance = new SynthesizedStack();
        }
        return instance;
    }

    public Template template() {
        return template;
    }

    public TemplateJson json() {
        return json;
    }

    public StackSettings settings() {
        return settings;
    }

    TesseraStack stack() {
        return stack;
    }

    /** The logical id of a construct's CloudFormation resource. */
    String logicalId(IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    /** The logical id of the function that runs this handler class. */
    public String functionId(String handler) {
        return json.resources("AWS::Lambda::Function").entrySet().stream()
                .filter(function -> handler.equals(TemplateJson.properties(function.getValue()).get("Handler")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function runs " + handler));
    }
}
