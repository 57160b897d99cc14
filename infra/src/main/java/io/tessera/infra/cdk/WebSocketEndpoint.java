package io.tessera.infra.cdk;

import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.List;

/**
 * The WebSocket API and its stage. Routes are added once the functions exist, because the
 * functions need the stage's Management API endpoint first.
 */
final class WebSocketEndpoint extends Construct {

    static final String STAGE = "prod";
    /** Where clients put the Cognito ID token when they connect ({@code wss://...?token=...}). */
    static final String TOKEN_SOURCE = "route.request.querystring.token";

    private static final int RATE_PER_SECOND = 500;
    private static final int BURST = 1000;

    private final WebSocketApi api;
    private final WebSocketStage stage;

    WebSocketEndpoint(Construct scope, String id, ApiGatewayLogging logging) {
        super(scope, id);
        api = WebSocketApi.Builder.create(this, "Api")
                .apiName("tessera-realtime")
                .description("Tessera live updates: subscribe to orders, analytics and uploads")
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(RetentionDays.ONE_MONTH).build();
        stage = WebSocketStage.Builder.create(this, "Stage")
                .webSocketApi(api)
                .stageName(STAGE)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_PER_SECOND).burstLimit(BURST).build())
                .accessLogSettings(new AccessLogs(new LogGroupLogDestination(accessLogs)))
                .build();
        stage.getNode().addDependency(logging.setting());
    }

    WebSocketApi api() {
        return api;
    }

    WebSocketStage stage() {
        return stage;
    }

    /** {@code $connect} (behind the token authorizer), {@code $disconnect} and {@code $default} all go to the handler. */
    void route(IFunction handler, IFunction connectAuthorizer) {
        WebSocketLambdaAuthorizer authorizer = WebSocketLambdaAuthorizer.Builder.create("ConnectAuthorizer", connectAuthorizer)
                .identitySource(List.of(TOKEN_SOURCE))
                .build();
        api.addRoute("$connect", WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration("ConnectIntegration", handler))
                .authorizer(authorizer)
                .build());
        api.addRoute("$disconnect", WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration("DisconnectIntegration", handler))
                .build());
        api.addRoute("$default", WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration("MessageIntegration", handler))
                .build());
    }

    /** A class rather than a record: jsii would take a record's accessor for a method overriding a property. */
    private static final class AccessLogs implements IAccessLogSettings {

        private final IAccessLogDestination destination;

        AccessLogs(IAccessLogDestination destination) {
            this.destination = destination;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return destination;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.custom("""
                    {"requestId":"$context.requestId","connectionId":"$context.connectionId","routeKey":"$context.routeKey",\
                    "eventType":"$context.eventType","status":"$context.status","requestTime":"$context.requestTime",\
                    "ip":"$context.identity.sourceIp","error":"$context.error.message",\
                    "authorizerError":"$context.authorizer.error","integrationError":"$context.integration.error"}""");
        }
    }
}
