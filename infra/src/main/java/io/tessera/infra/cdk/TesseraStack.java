package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.constructs.Construct;

import java.util.List;

/**
 * Tessera in AWS: every resource it runs on. Names, keys, indexes, streams, queues, rules and
 * consumers come from {@link TesseraResources}, the same definitions the local provisioner uses.
 */
public final class TesseraStack extends Stack {

    private final RestEndpoint restApi;
    private final WebSocketEndpoint webSocket;

    public TesseraStack(Construct scope, String id, StackProps props, StackSettings settings) {
        super(scope, id, props);
        Identity identity = createUserPool();
        Tables tables = createTables();
        Secrets secrets = createSecrets();
        Messaging messaging = createMessaging();
        new EventSchemas(this, "EventSchemas");
        UploadsBucket uploads = createUploadsBucket(settings, messaging);
        ApiGatewayLogging apiLogging = createApiGatewayLogging();
        webSocket = createWebSocketApi(apiLogging);
        Functions functions = createFunctions(settings, identity, tables, secrets, uploads, messaging, webSocket);
        TenantFileCredentials fileCredentials = createFileCredentials(identity, uploads, functions);
        connectEventSources(functions, tables, messaging);
        schedule(functions);
        routeWebSocket(webSocket, functions);
        restApi = createRestApi(settings, functions, identity, apiLogging);
        createAlarmsAndDashboard(settings, functions, messaging, restApi, webSocket);
        createOutputs(identity, fileCredentials, uploads, restApi, webSocket);
    }

    /** The REST API's base URL, for clients deployed beside it (the admin console). */
    public String restApiUrl() {
        return restApi.api().getUrl();
    }

    /** The WebSocket stage's URL. */
    public String webSocketUrl() {
        return webSocket.stage().getUrl();
    }

    private Identity createUserPool() {
        return new Identity(this, "Identity");
    }

    private Tables createTables() {
        return new Tables(this, "Tables", TesseraResources.TABLES);
    }

    private Secrets createSecrets() {
        return new Secrets(this, "Secrets");
    }

    private Messaging createMessaging() {
        return new Messaging(this, "Messaging", TesseraResources.QUEUES, TesseraResources.STREAM_CONSUMERS, TesseraResources.RULES,
                TesseraResources.TOPICS);
    }

    private UploadsBucket createUploadsBucket(StackSettings settings, Messaging messaging) {
        return new UploadsBucket(this, "Uploads", settings.webOrigins(), messaging.topic(TesseraResources.UPLOAD_EVENTS_TOPIC));
    }

    /** The identity pool behind {@code POST /auth/aws-credentials}, which the API function asks. */
    private TenantFileCredentials createFileCredentials(Identity identity, UploadsBucket uploads, Functions functions) {
        TenantFileCredentials credentials = new TenantFileCredentials(this, "FileCredentials", identity, uploads.bucket());
        functions.api().function().addEnvironment("COGNITO_IDENTITY_POOL_ID", credentials.identityPoolId());
        return credentials;
    }

    private ApiGatewayLogging createApiGatewayLogging() {
        return new ApiGatewayLogging(this, "ApiGatewayLogging");
    }

    private WebSocketEndpoint createWebSocketApi(ApiGatewayLogging apiLogging) {
        return new WebSocketEndpoint(this, "WebSocket", apiLogging);
    }

    private Functions createFunctions(StackSettings settings, Identity identity, Tables tables, Secrets secrets, UploadsBucket uploads,
                                      Messaging messaging, WebSocketEndpoint webSocket) {
        return new Functions(this, "Functions", new Functions.Props(settings.jars(), settings.webOrigins(), identity, tables, secrets,
                uploads, messaging, webSocket));
    }

    /**
     * Queue consumers report partial batch failures; a message that keeps failing moves to the
     * queue's dead-letter queue after its max receives. Stream consumers retry a bounded number of
     * times, halving the batch to isolate the bad record, then hand it to their failure queue and go on.
     */
    private void connectEventSources(Functions functions, Tables tables, Messaging messaging) {
        TesseraResources.QUEUES.forEach(queue -> functions.of(EntryPoints.handlerOf(queue.name())).alias().addEventSource(
                SqsEventSource.Builder.create(messaging.queue(queue))
                        .batchSize(10)
                        .reportBatchItemFailures(true)
                        .build()));
        TesseraResources.STREAM_CONSUMERS.forEach(consumer -> functions.of(EntryPoints.handlerOf(consumer.name())).alias().addEventSource(
                DynamoEventSource.Builder.create(tables.of(consumer.table()))
                        .startingPosition(StartingPosition.TRIM_HORIZON)
                        .batchSize(consumer.batchSize())
                        .maxBatchingWindow(consumer.batchingWindow().isZero() ? null
                                : software.amazon.awscdk.Duration.millis(consumer.batchingWindow().toMillis()))
                        .retryAttempts(consumer.maxRetries())
                        .bisectBatchOnError(true)
                        .reportBatchItemFailures(true)
                        .parallelizationFactor(1)
                        .onFailure(new SqsDlq(messaging.queue(consumer.failureQueue())))
                        .build()));
    }

    /** The scheduled jobs: an EventBridge rule with a schedule expression invokes each one's function. */
    private void schedule(Functions functions) {
        TesseraResources.SCHEDULES.forEach(schedule -> Rule.Builder.create(this, Names.constructId(schedule.name()))
                .ruleName(schedule.name())
                .schedule(Schedule.expression(schedule.expression()))
                .targets(List.of(new LambdaFunction(functions.scheduled(schedule).alias())))
                .build());
    }

    private void routeWebSocket(WebSocketEndpoint webSocket, Functions functions) {
        webSocket.route(functions.webSocket().alias(), functions.connectAuthorizer().alias());
    }

    private RestEndpoint createRestApi(StackSettings settings, Functions functions, Identity identity, ApiGatewayLogging apiLogging) {
        return new RestEndpoint(this, "Rest", new RestEndpoint.Props(
                functions.api().alias(), identity.userPool(), settings.webOrigins(), settings.tierRates(), apiLogging));
    }

    private void createAlarmsAndDashboard(StackSettings settings, Functions functions, Messaging messaging, RestEndpoint restApi,
                                          WebSocketEndpoint webSocket) {
        new Monitoring(this, "Monitoring", new Monitoring.Props(functions, messaging, restApi.api(), webSocket.stage(), settings.alarmEmail()));
    }

    private void createOutputs(Identity identity, TenantFileCredentials fileCredentials, UploadsBucket uploads, RestEndpoint restApi,
                               WebSocketEndpoint webSocket) {
        output("UserPoolId", identity.userPool().getUserPoolId(), "COGNITO_USER_POOL_ID for clients and tools");
        output("UserPoolClientId", identity.appClient().getUserPoolClientId(), "COGNITO_CLIENT_ID for clients and tools");
        output("IdentityPoolId", fileCredentials.identityPoolId(), "COGNITO_IDENTITY_POOL_ID: for apps that ask the identity pool for AWS credentials themselves");
        output("RestApiUrl", restApi.api().getUrl(), "Base URL of the REST API");
        output("WebSocketUrl", webSocket.stage().getUrl(), "Connect with ?token=<ID token>");
        output("UploadsBucketName", uploads.bucket().getBucketName(), "The uploads bucket");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
