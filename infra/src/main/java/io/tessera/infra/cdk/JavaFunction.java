package io.tessera.infra.cdk;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Lambda entry point: Java 21 on arm64 with SnapStart, its own log group with a retention, and
 * its own role that starts with nothing but writing to that log group (no managed policy). Callers
 * invoke the {@code live} alias, whose published version carries the SnapStart snapshot.
 */
final class JavaFunction extends Construct {

    record Props(Path jar, String handler, int memoryMb, Duration timeout, String description, Map<String, String> environment) {
    }

    static final String ALIAS = "live";
    /**
     * C1 only: the JIT compiles sooner and cheaper, which bench/cold-start measured at about a
     * fifth off the API's cold start and its peak memory; short Lambda invocations rarely live
     * long enough to gain from C2.
     */
    static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias alias;
    private final Role role;

    JavaFunction(Construct scope, String id, Props props) {
        super(scope, id);
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Tessera " + id + " Lambda")
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        logs.grantWrite(role);
        function = Function.Builder.create(this, "Function")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(props.jar().toString()))
                .handler(props.handler())
                .memorySize(props.memoryMb())
                .timeout(props.timeout())
                .description(props.description())
                .environment(withJvmOptions(props.environment()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                // X-Ray active tracing: Lambda samples and records each invocation, and the trace
                // header it passes in (_X_AMZN_TRACE_ID) is where Tessera's traceId comes from.
                .tracing(Tracing.ACTIVE)
                .role(role)
                .logGroup(logs)
                .build();
        alias = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion()).build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every code or configuration change publishes a version, which the live alias points at");
    }

    private static Map<String, String> withJvmOptions(Map<String, String> environment) {
        Map<String, String> all = new TreeMap<>(environment);
        all.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);
        return all;
    }

    Function function() {
        return function;
    }

    /** What API Gateway and the event source mappings invoke. */
    Alias alias() {
        return alias;
    }

    Role role() {
        return role;
    }
}
