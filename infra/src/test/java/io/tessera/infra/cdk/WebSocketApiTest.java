package io.tessera.infra.cdk;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketApiTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void connectingNeedsTheTokenAuthorizerReadingTheTokenQueryParameter() {
        String authorizer = onlyId("AWS::ApiGatewayV2::Authorizer");
        template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
                "AuthorizerType", "REQUEST",
                "IdentitySource", List.of(WebSocketEndpoint.TOKEN_SOURCE),
                "AuthorizerUri", Match.anyValue()));
        assertThat(String.valueOf(TemplateJson.<Object>at(synthesized.json().resource(authorizer), "Properties", "AuthorizerUri")))
                .contains(aliasOf(EntryPoints.CONNECT_AUTHORIZER));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "$connect", "AuthorizationType", "CUSTOM", "AuthorizerId", Map.of("Ref", authorizer)));
    }

    @Test
    void connectDisconnectAndEveryMessageGoToTheWebSocketHandler() {
        Map<String, Map<String, Object>> routes = synthesized.json().resources("AWS::ApiGatewayV2::Route");
        assertThat(routes.values().stream().map(route -> TemplateJson.at(route, "Properties", "RouteKey")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("$connect", "$disconnect", "$default");
        routes.values().forEach(route -> {
            String target = String.valueOf(TemplateJson.<Object>at(route, "Properties", "Target"));
            String integration = String.valueOf(TemplateJson.<Object>at(synthesized.json().resources("AWS::ApiGatewayV2::Integration")
                    .entrySet().stream().filter(entry -> target.contains(entry.getKey())).findFirst().orElseThrow().getValue(),
                    "Properties", "IntegrationUri"));
            assertThat(integration).contains(aliasOf(EntryPoints.WEBSOCKET_HANDLER));
        });
    }

    @Test
    void theStageDeploysItselfWritesAccessLogsAndIsThrottled() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", WebSocketEndpoint.STAGE,
                "AutoDeploy", true,
                "AccessLogSettings", Map.of("DestinationArn", Match.anyValue(), "Format", Match.stringLikeRegexp(".*\\$context\\.connectionId.*")),
                "DefaultRouteSettings", Match.objectLike(Map.of("ThrottlingRateLimit", Match.anyValue(), "ThrottlingBurstLimit", Match.anyValue()))));
    }

    @Test
    void pushingFunctionsPostToThisStagesManagementApi() {
        String api = onlyId("AWS::ApiGatewayV2::Api");
        Map<String, Object> managementEndpoint = Map.of("Fn::Join", List.of("", List.of(
                "https://", Map.of("Ref", api), ".execute-api.", Map.of("Ref", "AWS::Region"), ".", Map.of("Ref", "AWS::URLSuffix"),
                "/" + WebSocketEndpoint.STAGE)));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", EntryPoints.WEBSOCKET_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("AWS_SERVICES_EXECUTE_API_ENDPOINT_OVERRIDE", managementEndpoint)))));
    }

    private String onlyId(String type) {
        Map<String, Map<String, Object>> resources = synthesized.json().resources(type);
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }

    private String aliasOf(String handler) {
        String function = synthesized.functionId(handler);
        return synthesized.json().resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(alias -> TemplateJson.target(TemplateJson.at(alias.getValue(), "Properties", "FunctionName")).equals(function))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }
}
