package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.assets.Asset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionsTest {

    private static final Set<String> APPLICATION_ENVIRONMENT = Set.of(
            "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID",
            "TESSERA_RESOURCES_MAIN_TABLE", "TESSERA_RESOURCES_CONNECTIONS_TABLE", "TESSERA_RESOURCES_ANALYTICS_TABLE",
            "TESSERA_RESOURCES_UPLOADS_BUCKET", "TESSERA_RESOURCES_EVENT_BUS");
    private static final String MANAGEMENT_ENDPOINT = "AWS_SERVICES_EXECUTE_API_ENDPOINT_OVERRIDE";

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void everyEntryPointIsAJava21FunctionOnArmWithSnapStart() {
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")), EntryPoints.all().size());
        template.resourceCountIs("AWS::Lambda::Function", EntryPoints.all().size());
    }

    @Test
    void everyFunctionsJvmCompilesWithC1OnlyForAShorterColdStart() {
        template.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))))));
    }

    @Test
    void everyFunctionTracesWithXRayAndNamesItsServiceInItsLogs() {
        template.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "TracingConfig", Map.of("Mode", "Active"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("POWERTOOLS_SERVICE_NAME", "tessera"))))));
        synthesized.json().resources("AWS::IAM::Policy").values().stream()
                .map(String::valueOf)
                .filter(policy -> policy.contains("xray:PutTraceSegments"))
                .findAny()
                .orElseThrow(() -> new AssertionError("no role may write X-Ray segments"));
    }

    @Test
    void everyHandlerOfTesseraResourcesHasAFunction() {
        List<Object> handlers = synthesized.json().resources("AWS::Lambda::Function").values().stream()
                .map(function -> TemplateJson.at(function, "Properties", "Handler"))
                .toList();
        assertThat(handlers).contains(EntryPoints.API_HANDLER, EntryPoints.WEBSOCKET_HANDLER, EntryPoints.CONNECT_AUTHORIZER);
        TesseraResources.QUEUES.forEach(queue -> assertThat(handlers).contains(EntryPoints.handlerOf(queue.name())));
        TesseraResources.STREAM_CONSUMERS.forEach(consumer -> assertThat(handlers).contains(EntryPoints.handlerOf(consumer.name())));
    }

    @Test
    void everyFunctionIsPublishedAndCalledThroughItsLiveAlias() {
        synthesized.json().resources("AWS::Lambda::Function").keySet().forEach(functionId -> {
            template.hasResourceProperties("AWS::Lambda::Version", Map.of("FunctionName", Map.of("Ref", functionId)));
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", JavaFunction.ALIAS,
                    "FunctionName", Map.of("Ref", functionId),
                    "FunctionVersion", Match.anyValue()));
        });
    }

    @Test
    void theApiGets2GbAndTwentySecondsAndEveryFunctionHasMemoryAndATimeout() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", EntryPoints.API_HANDLER, "MemorySize", 2048, "Timeout", 20));
        template.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "MemorySize", Match.anyValue(), "Timeout", Match.anyValue())));
    }

    @Test
    void queueConsumersFinishWellWithinTheirQueuesVisibilityTimeout() {
        TesseraResources.QUEUES.forEach(queue -> {
            Integer timeout = TemplateJson.at(synthesized.json().resource(synthesized.functionId(EntryPoints.handlerOf(queue.name()))), "Properties", "Timeout");
            assertThat(timeout).as(EntryPoints.handlerOf(queue.name())).isPositive().isLessThanOrEqualTo(queue.visibilityTimeoutSeconds() / 2);
        });
    }

    @Test
    void everyFunctionFindsItsResourcesInItsEnvironment() {
        synthesized.json().resources("AWS::Lambda::Function").values().forEach(function ->
                assertThat(variables(function).keySet()).containsAll(APPLICATION_ENVIRONMENT));
    }

    @Test
    void exactlyTheFunctionsThatPushKnowTheWebSocketManagementEndpoint() {
        Set<Object> pushers = synthesized.json().resources("AWS::Lambda::Function").values().stream()
                .filter(function -> variables(function).containsKey(MANAGEMENT_ENDPOINT))
                .map(function -> TemplateJson.at(function, "Properties", "Handler"))
                .collect(Collectors.toSet());
        assertThat(pushers).isEqualTo(EntryPoints.all().stream()
                .filter(entryPoint -> entryPoint.access().contains(Access.PUSH))
                .map(EntryPoints.EntryPoint::handler)
                .collect(Collectors.toSet()));
        assertThat(pushers).contains(EntryPoints.WEBSOCKET_HANDLER, EntryPoints.handlerOf(TesseraResources.NOTIFY_QUEUE.name()),
                EntryPoints.handlerOf(TesseraResources.ANALYTICS_PUSH_QUEUE.name()), EntryPoints.handlerOf(TesseraResources.UPLOADS_QUEUE.name()));
    }

    @Test
    void theApiAllowsExactlyTheWebOriginsInItsCorsHeaders() {
        Map<String, Object> api = synthesized.json().resource(synthesized.functionId(EntryPoints.API_HANDLER));

        assertThat(variables(api)).containsEntry("TESSERA_WEB_ORIGINS", String.join(",", SynthesizedStack.WEB_ORIGINS));
    }

    @Test
    void theCodeIsTheModulesLambdaJarsFromThisBuild() {
        LambdaJars jars = synthesized.settings().jars();
        Set<Path> deployed = synthesized.stack().getNode().findAll().stream()
                .filter(Asset.class::isInstance)
                .map(asset -> Path.of(((Asset) asset).getAssetPath()))
                .collect(Collectors.toSet());
        assertThat(deployed).containsExactlyInAnyOrder(jars.api(), jars.realtime(), jars.streamProcessors());
        assertThat(deployed).allSatisfy(jar -> assertThat(jar.getFileName().toString()).endsWith("-lambda.jar"));
    }

    @Test
    void eachFunctionLogsToItsOwnLogGroupKeptForAMonth() {
        Set<String> logGroups = synthesized.json().resources("AWS::Lambda::Function").values().stream()
                .map(function -> TemplateJson.target(TemplateJson.at(function, "Properties", "LoggingConfig", "LogGroup")))
                .collect(Collectors.toSet());
        assertThat(logGroups).hasSize(EntryPoints.all().size());
        logGroups.forEach(id -> assertThat(TemplateJson.<Object>at(synthesized.json().resource(id), "Properties", "RetentionInDays")).isEqualTo(30));
    }

    private static Map<String, Object> variables(Map<String, Object> function) {
        Map<String, Object> variables = TemplateJson.at(function, "Properties", "Environment", "Variables");
        return variables == null ? Map.of() : variables;
    }
}
