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
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.Map;

/**
 * One Lambda entry point: Java 21 on arm64 with SnapStart, its own log group with a retention, and
 * its own role that starts with nothing but writing to that log group (no managed policy). Callers
 * invoke the {@code live} alias, whose published version carries the SnapStart snapshot.
 */
final class JavaFunction extends Construct {

    record Props(Path jar, String handler, int memoryMb, Duration timeout, String description, Map<String, String> environment) {
    }

    static final String ALIAS = "live";

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
                .environment(props.environment())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logs)
                .build();
        alias = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion()).build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every code or configuration change publishes a version, which the live alias points at");
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
