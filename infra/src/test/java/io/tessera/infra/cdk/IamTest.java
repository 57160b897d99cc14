package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege: every function's own role, resource-scoped statements, and each power only where it is needed. */
class IamTest {

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final TemplateJson json = synthesized.json();

    @Test
    void noPolicyAllowsEveryActionOfAService() {
        assertThat(allStatements().flatMap(statement -> strings(statement.get("Action"))))
                .isNotEmpty()
                .noneMatch(action -> action.equals("*") || action.endsWith(":*"));
    }

    @Test
    void everyStatementNamesItsResourcesExceptListStreamsAndXRayWritesWhichCannotBeScoped() {
        // Neither dynamodb:ListStreams nor X-Ray's write actions support resource-level permissions
        // (Service Authorization Reference).
        allStatements()
                .filter(statement -> strings(statement.get("Resource")).anyMatch("*"::equals))
                .forEach(statement -> assertThat(strings(statement.get("Action")).toList()).isIn(
                        List.of("dynamodb:ListStreams"), List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords")));
    }

    @Test
    void everyFunctionHasItsOwnRoleWithoutManagedPolicies() {
        Set<String> roles = json.resources("AWS::Lambda::Function").values().stream()
                .map(function -> TemplateJson.target(TemplateJson.at(function, "Properties", "Role")))
                .collect(Collectors.toSet());
        assertThat(roles).hasSize(EntryPoints.all().size());
        roles.forEach(role -> assertThat(TemplateJson.<Object>at(json.resource(role), "Properties", "ManagedPolicyArns")).isNull());
    }

    @Test
    void functionsMayWriteOnlyToTheirOwnLogGroup() {
        json.resources("AWS::Lambda::Function").forEach((functionId, function) -> {
            String logGroup = TemplateJson.target(TemplateJson.at(function, "Properties", "LoggingConfig", "LogGroup"));
            List<Map<String, Object>> logStatements = statementsOf(function)
                    .filter(statement -> strings(statement.get("Action")).anyMatch(action -> action.startsWith("logs:")))
                    .toList();
            assertThat(logStatements).hasSize(1);
            assertThat(strings(logStatements.get(0).get("Action")).toList()).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
            assertThat(TemplateJson.target(logStatements.get(0).get("Resource"))).isEqualTo(logGroup);
        });
    }

    @Test
    void onlyTheApiAdministersUsersAndOnlyTheSignupCleanupListsThem() {
        String cleanup = EntryPoints.handlerOf(TesseraResources.SIGNUP_CLEANUP.name());
        assertThat(handlersAllowedTo("cognito-idp:AdminCreateUser")).containsExactly(EntryPoints.API_HANDLER);
        assertThat(handlersAllowedTo("cognito-idp:AdminSetUserPassword")).containsExactly(EntryPoints.API_HANDLER);
        assertThat(handlersAllowedTo("cognito-idp:AdminDeleteUser")).containsExactlyInAnyOrder(EntryPoints.API_HANDLER, cleanup);
        assertThat(handlersAllowedTo("cognito-idp:ListUsers")).containsExactly(cleanup);
    }

    @Test
    void onlyPushingFunctionsMayPostToWebSocketConnections() {
        assertThat(handlersAllowedTo("execute-api:ManageConnections")).containsExactlyInAnyOrderElementsOf(handlersWith(Access.PUSH));
    }

    @Test
    void onlyTheApiAndTheOutboxPublishEvents() {
        assertThat(handlersAllowedTo("events:PutEvents"))
                .containsExactlyInAnyOrder(EntryPoints.API_HANDLER, EntryPoints.handlerOf(TesseraResources.OUTBOX.name()));
    }

    @Test
    void onlyTheApiTheUploadCompletionAndTheMediaProcessorTouchUploadedObjects() {
        assertThat(handlersAllowedTo("s3:GetObject*")).containsExactlyInAnyOrder(EntryPoints.API_HANDLER,
                EntryPoints.handlerOf(TesseraResources.UPLOADS_QUEUE.name()), EntryPoints.handlerOf(TesseraResources.UPLOAD_MEDIA_QUEUE.name()));
        assertThat(handlersAllowedTo("s3:DeleteObject*")).containsExactly(EntryPoints.handlerOf(TesseraResources.UPLOADS_QUEUE.name()));
    }

    @Test
    void theMediaProcessorWritesOnlyUnderTheTenantsThumbnails() {
        Map<String, Object> media = json.resource(synthesized.functionId(EntryPoints.handlerOf(TesseraResources.UPLOAD_MEDIA_QUEUE.name())));
        List<Object> putResources = statementsOf(media)
                .filter(statement -> strings(statement.get("Action")).anyMatch(action -> action.startsWith("s3:PutObject")))
                .flatMap(statement -> statement.get("Resource") instanceof List<?> list ? list.stream().map(Object.class::cast) : Stream.of(statement.get("Resource")))
                .toList();

        // Each is {"Fn::Join": ["", [<the bucket's ARN>, "/<key pattern>"]]}.
        assertThat(putResources).isNotEmpty().allSatisfy(resource ->
                assertThat(((List<?>) TemplateJson.<List<?>>at(resource, "Fn::Join").get(1)).getLast())
                        .isEqualTo("/" + TesseraResources.UPLOADS_PREFIX + "*/thumbnails/*"));
    }

    @Test
    void onlyTheApiReadsTheSigningKey() {
        assertThat(handlersAllowedTo("secretsmanager:GetSecretValue")).containsExactly(EntryPoints.API_HANDLER);
    }

    @Test
    void theWebSocketFunctionAndTheConnectionChecksConsumerMaySetConnectionTimersAndNobodyElse() {
        assertThat(handlersAllowedTo("sqs:SendMessage")).contains(EntryPoints.WEBSOCKET_HANDLER, EntryPoints.handlerOf(TesseraResources.CONNECTIONS_QUEUE.name()));
        assertThat(handlersWith(Access.SCHEDULE_CONNECTION_CHECK))
                .containsExactlyInAnyOrder(EntryPoints.WEBSOCKET_HANDLER, EntryPoints.handlerOf(TesseraResources.CONNECTIONS_QUEUE.name()));
    }

    @Test
    void everyPushingFunctionMayReadWhatConnectionsAreJudgedBy() {
        handlersWith(Access.PUSH).forEach(handler -> assertThat(statementsOf(json.resource(synthesized.functionId(handler)))
                .flatMap(statement -> strings(statement.get("Action"))))
                .as(handler).contains("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"));
    }

    @Test
    void theConnectAuthorizerMayOnlyReadTheMainTable() {
        Map<String, Object> authorizer = json.resource(synthesized.functionId(EntryPoints.CONNECT_AUTHORIZER));
        assertThat(statementsOf(authorizer).flatMap(statement -> strings(statement.get("Action"))))
                .noneMatch(action -> action.equals("dynamodb:PutItem") || action.equals("dynamodb:UpdateItem") || action.equals("dynamodb:DeleteItem"))
                .contains("dynamodb:GetItem");
    }

    private Set<String> handlersAllowedTo(String action) {
        return json.resources("AWS::Lambda::Function").values().stream()
                .filter(function -> statementsOf(function).anyMatch(statement -> strings(statement.get("Action")).anyMatch(action::equals)))
                .map(function -> (String) TemplateJson.at(function, "Properties", "Handler"))
                .collect(Collectors.toSet());
    }

    private static Set<String> handlersWith(Access access) {
        return EntryPoints.all().stream()
                .filter(entryPoint -> entryPoint.access().contains(access))
                .map(EntryPoints.EntryPoint::handler)
                .collect(Collectors.toSet());
    }

    /** The statements of the policies attached to a function's role. */
    private Stream<Map<String, Object>> statementsOf(Map<String, Object> function) {
        String role = TemplateJson.target(TemplateJson.at(function, "Properties", "Role"));
        return json.resources("AWS::IAM::Policy").values().stream()
                .filter(policy -> TemplateJson.<List<Object>>at(policy, "Properties", "Roles").stream()
                        .anyMatch(attached -> TemplateJson.target(attached).equals(role)))
                .flatMap(policy -> TemplateJson.list(policy, "Properties", "PolicyDocument", "Statement").stream());
    }

    private Stream<Map<String, Object>> allStatements() {
        return json.resources("AWS::IAM::Policy").values().stream()
                .flatMap(policy -> TemplateJson.list(policy, "Properties", "PolicyDocument", "Statement").stream());
    }

    private static Stream<String> strings(Object actionsOrResources) {
        if (actionsOrResources instanceof List<?> list) {
            return list.stream().map(item -> item instanceof String text ? text : "<reference>");
        }
        return Stream.of(actionsOrResources instanceof String text ? text : "<reference>");
    }
}
