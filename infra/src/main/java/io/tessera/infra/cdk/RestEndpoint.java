package io.tessera.infra.cdk;

import io.tessera.infra.cdk.TierRates.TierRate;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.CognitoUserPoolsAuthorizer;
import software.amazon.awscdk.services.apigateway.Cors;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.ProxyResourceOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API: every path goes to the API function; API Gateway checks the Cognito ID token first
 * on everything but the public routes. The application still validates the token itself (tenant,
 * roles, revocation); the authorizer keeps anonymous traffic from ever reaching Lambda.
 */
final class RestEndpoint extends Construct {

    record Props(IFunction handler, IUserPool userPool, List<String> webOrigins, TierRates tierRates, ApiGatewayLogging logging) {
    }

    /** A route that answers without a token. */
    record PublicRoute(String method, String path) {
    }

    static final String STAGE = "prod";
    static final List<PublicRoute> PUBLIC_ROUTES = List.of(
            new PublicRoute("GET", "/health"),
            new PublicRoute("GET", "/openapi.yaml"),
            new PublicRoute("GET", "/asyncapi.yaml"),
            new PublicRoute("GET", "/docs"),
            new PublicRoute("GET", "/docs/{asset}"),
            new PublicRoute("POST", "/auth/login"),
            new PublicRoute("POST", "/auth/refresh"),
            new PublicRoute("POST", "/auth/challenge"),
            new PublicRoute("POST", "/tenants"));
    static final List<String> CORS_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "X-Correlation-Id");

    /**
     * The ceiling for the whole stage, well under the account's default: it keeps a flood from
     * using up the region's Lambda concurrency. Each tenant's own rate is enforced by the application.
     */
    static final int STAGE_RATE_PER_SECOND = 1000;
    static final int STAGE_BURST = 2000;

    /** API Gateway's own refusals, written as problem documents like the application's. */
    private record GatewayProblem(ResponseType type, Optional<String> status, String title) {
    }

    private static final List<GatewayProblem> GATEWAY_PROBLEMS = List.of(
            new GatewayProblem(ResponseType.UNAUTHORIZED, Optional.of("401"), "Unauthorized"),
            new GatewayProblem(ResponseType.ACCESS_DENIED, Optional.of("403"), "Forbidden"),
            new GatewayProblem(ResponseType.THROTTLED, Optional.of("429"), "Too Many Requests"),
            // The other refusals keep their own status.
            new GatewayProblem(ResponseType.DEFAULT_4_XX, Optional.empty(), "Request refused"),
            new GatewayProblem(ResponseType.DEFAULT_5_XX, Optional.empty(), "Service unavailable"));

    /** One JSON line per request, with the caller's user id from the verified token. */
    private static final String ACCESS_LOG_FORMAT = """
            {"requestId":"$context.requestId","ip":"$context.identity.sourceIp",\
            "requestTime":"$context.requestTime","method":"$context.httpMethod","path":"$context.path",\
            "resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol",\
            "responseLength":"$context.responseLength","latency":"$context.responseLatency",\
            "integrationLatency":"$context.integrationLatency","userId":"$context.authorizer.claims.sub",\
            "error":"$context.error.message"}""";

    private final RestApi api;

    RestEndpoint(Construct scope, String id, Props props) {
        super(scope, id);
        LambdaIntegration handler = new LambdaIntegration(props.handler());
        api = createApi(props, handler, cognitoAuthorizer(props.userPool()));
        api.getDeploymentStage().getNode().addDependency(props.logging().setting());
        api.getRoot().addProxy(ProxyResourceOptions.builder().anyMethod(true).build());
        PUBLIC_ROUTES.forEach(route -> api.getRoot().resourceForPath(route.path())
                .addMethod(route.method(), handler, MethodOptions.builder().authorizationType(AuthorizationType.NONE).build()));
        GATEWAY_PROBLEMS.forEach(this::answerAsProblem);
        props.tierRates().rates().forEach(this::addUsagePlan);
    }

    RestApi api() {
        return api;
    }

    /** Every method goes to the handler and needs a token unless it says otherwise. */
    private RestApi createApi(Props props, LambdaIntegration handler, CognitoUserPoolsAuthorizer authorizer) {
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(RetentionDays.ONE_MONTH).build();
        return RestApi.Builder.create(this, "Api")
                .restApiName("tessera")
                .description("Tessera REST API (openapi.yaml)")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        .tracingEnabled(true)
                        .throttlingRateLimit(STAGE_RATE_PER_SECOND)
                        .throttlingBurstLimit(STAGE_BURST)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.custom(ACCESS_LOG_FORMAT))
                        .metricsEnabled(true)
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .dataTraceEnabled(false)
                        .build())
                .defaultIntegration(handler)
                .defaultMethodOptions(MethodOptions.builder()
                        .authorizationType(AuthorizationType.COGNITO)
                        .authorizer(authorizer)
                        .build())
                .defaultCorsPreflightOptions(CorsOptions.builder()
                        .allowOrigins(props.webOrigins())
                        .allowMethods(Cors.ALL_METHODS)
                        .allowHeaders(CORS_HEADERS)
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
    }

    private CognitoUserPoolsAuthorizer cognitoAuthorizer(IUserPool userPool) {
        return CognitoUserPoolsAuthorizer.Builder.create(this, "Authorizer")
                .authorizerName("cognito-id-token")
                .cognitoUserPools(List.of(userPool))
                .identitySource("method.request.header.Authorization")
                .build();
    }

    private void answerAsProblem(GatewayProblem problem) {
        String status = problem.status().map(code -> ",\"status\":" + code).orElse("");
        GatewayResponseOptions.Builder response = GatewayResponseOptions.builder()
                .type(problem.type())
                .responseHeaders(Map.of("Content-Type", "'application/problem+json'"))
                .templates(Map.of("application/json", """
                        {"type":"about:blank","title":"%s"%s,"detail":$context.error.messageString,"correlationId":"$context.requestId"}"""
                        .formatted(problem.title(), status)));
        problem.status().ifPresent(response::statusCode);
        api.addGatewayResponse(problem.type().getResponseType(), response.build());
    }

    /** For clients that call with an API key of a tier; the burst allows two seconds' worth at once. */
    private void addUsagePlan(TierRate rate) {
        api.addUsagePlan("UsagePlan-" + rate.tier().wireName(), UsagePlanProps.builder()
                .name("tessera-" + rate.tier().wireName())
                .description("Tessera " + rate.tier().wireName() + " tier: " + rate.requestsPerSecond() + " requests per second")
                .throttle(ThrottleSettings.builder().rateLimit(rate.requestsPerSecond()).burstLimit(2 * rate.requestsPerSecond()).build())
                .apiStages(List.of(UsagePlanPerApiStage.builder().api(api).stage(api.getDeploymentStage()).build()))
                .build());
    }
}
