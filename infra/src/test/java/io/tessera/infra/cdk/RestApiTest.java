package io.tessera.infra.cdk;

import io.tessera.core.tenants.Tier;
import io.tessera.infra.cdk.TierRates.TierRate;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RestApiTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template();

    @Test
    void everyMethodButThePublicRoutesAndCorsPreflightsNeedsACognitoIdToken() {
        Map<String, Map<String, Object>> methods = methodsByRoute();
        Set<String> open = methods.entrySet().stream()
                .filter(method -> "NONE".equals(TemplateJson.at(method.getValue(), "Properties", "AuthorizationType")))
                .map(Map.Entry::getKey)
                .filter(route -> !route.startsWith("OPTIONS "))
                .collect(Collectors.toSet());
        assertThat(open).isEqualTo(RestEndpoint.PUBLIC_ROUTES.stream()
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toSet()));

        String authorizer = synthesized.json().resources("AWS::ApiGateway::Authorizer").keySet().iterator().next();
        methods.entrySet().stream()
                .filter(method -> !open.contains(method.getKey()) && !method.getKey().startsWith("OPTIONS "))
                .forEach(method -> assertThat(TemplateJson.<Object>at(method.getValue(), "Properties", "AuthorizerId"))
                        .as(method.getKey()).isEqualTo(Map.of("Ref", authorizer)));
        assertThat(methods).containsKeys("ANY /", "ANY /{proxy+}");
    }

    @Test
    void theStageTracesRequestsWithXRay() {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of("TracingEnabled", true)));
    }

    @Test
    void theAuthorizerChecksTokensOfTheTesseraUserPoolInTheAuthorizationHeader() {
        String userPool = synthesized.json().resources("AWS::Cognito::UserPool").keySet().iterator().next();
        template.hasResourceProperties("AWS::ApiGateway::Authorizer", Map.of(
                "Type", "COGNITO_USER_POOLS",
                "IdentitySource", "method.request.header.Authorization",
                "ProviderARNs", List.of(Map.of("Fn::GetAtt", List.of(userPool, "Arn")))));
    }

    @Test
    void everyRouteReachesTheApiFunctionsLiveAlias() {
        String alias = synthesized.json().resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(entry -> TemplateJson.target(TemplateJson.at(entry.getValue(), "Properties", "FunctionName"))
                        .equals(synthesized.functionId(EntryPoints.API_HANDLER)))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        methodsByRoute().forEach((route, method) -> {
            if (!route.startsWith("OPTIONS ")) {
                assertThat(TemplateJson.<String>at(method, "Properties", "Integration", "Type")).as(route).isEqualTo("AWS_PROXY");
                assertThat(String.valueOf(TemplateJson.<Object>at(method, "Properties", "Integration", "Uri"))).as(route).contains(alias);
            }
        });
    }

    @Test
    void corsPreflightsAnswerTheConfiguredOriginsWithoutAToken() {
        Map<String, Object> preflight = methodsByRoute().get("OPTIONS /{proxy+}");
        assertThat(TemplateJson.<String>at(preflight, "Properties", "AuthorizationType")).isEqualTo("NONE");
        String responses = String.valueOf(TemplateJson.<Object>at(preflight, "Properties", "Integration", "IntegrationResponses"));
        SynthesizedStack.WEB_ORIGINS.forEach(origin -> assertThat(responses).contains(origin));
        RestEndpoint.CORS_HEADERS.forEach(header -> assertThat(responses).contains(header));
    }

    @Test
    void theStageWritesAccessLogsAndIsThrottled() {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "StageName", RestEndpoint.STAGE,
                "AccessLogSetting", Map.of("DestinationArn", Match.anyValue(), "Format", Match.stringLikeRegexp(".*\\$context\\.requestId.*")),
                "MethodSettings", List.of(Match.objectLike(Map.of(
                        "ThrottlingRateLimit", RestEndpoint.STAGE_RATE_PER_SECOND,
                        "ThrottlingBurstLimit", RestEndpoint.STAGE_BURST,
                        "MetricsEnabled", true,
                        "DataTraceEnabled", false)))));
    }

    @Test
    void eachTierHasAUsagePlanWithTheRateTheApplicationEnforces() {
        List<TierRate> rates = TierRates.fromApplicationConfig().rates();
        assertThat(rates).extracting(TierRate::tier).containsExactly(Tier.values());
        template.resourceCountIs("AWS::ApiGateway::UsagePlan", Tier.values().length);
        rates.forEach(rate -> template.hasResourceProperties("AWS::ApiGateway::UsagePlan", Map.of(
                "UsagePlanName", "tessera-" + rate.tier().wireName(),
                "Throttle", Map.of("RateLimit", rate.requestsPerSecond(), "BurstLimit", 2 * rate.requestsPerSecond()),
                "ApiStages", List.of(Match.objectLike(Map.of("Stage", Match.anyValue()))))));
    }

    @Test
    void apiGatewaysOwnRefusalsAreProblemDocuments() {
        for (String type : List.of("UNAUTHORIZED", "ACCESS_DENIED", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX")) {
            template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Map.of(
                    "ResponseType", type,
                    "ResponseParameters", Map.of("gatewayresponse.header.Content-Type", "'application/problem+json'"),
                    "ResponseTemplates", Map.of("application/json", Match.stringLikeRegexp(".*\"correlationId\":\"\\$context\\.requestId\".*"))));
        }
        template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Map.of("ResponseType", "UNAUTHORIZED", "StatusCode", "401"));
    }

    /** Methods keyed like {@code "POST /auth/login"}, their paths rebuilt from the resources' parents. */
    private Map<String, Map<String, Object>> methodsByRoute() {
        TemplateJson json = synthesized.json();
        Map<String, Map<String, Object>> methods = new HashMap<>();
        json.resources("AWS::ApiGateway::Method").values().forEach(method -> methods.put(
                TemplateJson.at(method, "Properties", "HttpMethod") + " " + path(TemplateJson.at(method, "Properties", "ResourceId")),
                method));
        return methods;
    }

    private String path(Object resourceId) {
        if (resourceId instanceof Map<?, ?> map && map.containsKey("Fn::GetAtt")) {
            return "/";
        }
        List<String> parts = new ArrayList<>();
        Object current = resourceId;
        while (current instanceof Map<?, ?> map && map.containsKey("Ref")) {
            Map<String, Object> resource = synthesized.json().resource(TemplateJson.target(current));
            parts.add(0, TemplateJson.at(resource, "Properties", "PathPart"));
            current = TemplateJson.at(resource, "Properties", "ParentId");
        }
        return "/" + String.join("/", parts);
    }
}
