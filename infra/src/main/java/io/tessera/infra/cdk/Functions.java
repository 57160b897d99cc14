package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import io.tessera.infra.cdk.EntryPoints.EntryPoint;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link JavaFunction} for every entry point of {@link EntryPoints}, with the environment the
 * application reads and the grants its {@link Access} names, each scoped to the one resource.
 */
final class Functions extends Construct {

    record Props(LambdaJars jars, List<String> webOrigins, Identity identity, Tables tables, Secrets secrets, UploadsBucket uploads,
                 Messaging messaging, WebSocketEndpoint webSocket) {
    }

    private static final String UPLOADED_OBJECTS = TesseraResources.UPLOADS_PREFIX + "*";
    /** Where UploadKeys puts thumbnails: {@code tenants/<tenantId>/thumbnails/<uploadId>/<size>.<png|jpg>}. */
    private static final String THUMBNAILS = TesseraResources.UPLOADS_PREFIX + "*/thumbnails/*";
    private static final List<String> USER_ADMINISTRATION_ACTIONS = List.of(
            "cognito-idp:AdminCreateUser", "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminGetUser",
            "cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminRemoveUserFromGroup",
            "cognito-idp:AdminEnableUser", "cognito-idp:AdminDisableUser", "cognito-idp:AdminUserGlobalSignOut",
            "cognito-idp:AdminDeleteUser");
    private static final List<String> ACCOUNT_CLEANUP_ACTIONS = List.of(
            "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:AdminUserGlobalSignOut", "cognito-idp:AdminDeleteUser");

    private final Props props;
    private final Map<String, JavaFunction> byHandler = new LinkedHashMap<>();

    Functions(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        EntryPoints.all().forEach(entryPoint -> byHandler.put(entryPoint.handler(), create(entryPoint)));
    }

    JavaFunction api() {
        return of(EntryPoints.API_HANDLER);
    }

    JavaFunction webSocket() {
        return of(EntryPoints.WEBSOCKET_HANDLER);
    }

    JavaFunction connectAuthorizer() {
        return of(EntryPoints.CONNECT_AUTHORIZER);
    }

    JavaFunction scheduled(TesseraResources.Schedule schedule) {
        return of(EntryPoints.handlerOf(schedule.name()));
    }

    JavaFunction of(String handler) {
        JavaFunction function = byHandler.get(handler);
        if (function == null) {
            throw new IllegalArgumentException("no function runs " + handler);
        }
        return function;
    }

    List<JavaFunction> all() {
        return List.copyOf(byHandler.values());
    }

    private JavaFunction create(EntryPoint entryPoint) {
        JavaFunction function = new JavaFunction(this, entryPoint.id(), new JavaFunction.Props(
                jar(entryPoint.module()), entryPoint.handler(), entryPoint.memoryMb(), entryPoint.timeout(),
                "Tessera " + entryPoint.handler(), environment(entryPoint)));
        entryPoint.access().forEach(access -> grant(access, function.role()));
        return function;
    }

    private Path jar(EntryPoints.Module module) {
        return switch (module) {
            case API -> props.jars().api();
            case REALTIME -> props.jars().realtime();
            case STREAM_PROCESSORS -> props.jars().streamProcessors();
        };
    }

    /**
     * What every Tessera process reads to find its resources; pushers also get the Management API
     * endpoint, the REST API the browser origins its responses may be read by.
     */
    private Map<String, String> environment(EntryPoint entryPoint) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "COGNITO_USER_POOL_ID", props.identity().userPool().getUserPoolId(),
                "COGNITO_CLIENT_ID", props.identity().appClient().getUserPoolClientId(),
                "TESSERA_RESOURCES_MAIN_TABLE", props.tables().of(TesseraResources.MAIN_TABLE).getTableName(),
                "TESSERA_RESOURCES_CONNECTIONS_TABLE", props.tables().of(TesseraResources.CONNECTIONS_TABLE).getTableName(),
                "TESSERA_RESOURCES_ANALYTICS_TABLE", props.tables().of(TesseraResources.ANALYTICS_TABLE).getTableName(),
                "TESSERA_RESOURCES_UPLOADS_BUCKET", props.uploads().bucket().getBucketName(),
                "TESSERA_RESOURCES_EVENT_BUS", props.messaging().bus().getEventBusName(),
                // The "service" key of every log line (Powertools logging).
                "POWERTOOLS_SERVICE_NAME", "tessera"));
        if (entryPoint.access().contains(Access.PUSH)) {
            environment.put("AWS_SERVICES_EXECUTE_API_ENDPOINT_OVERRIDE", props.webSocket().stage().getCallbackUrl());
        }
        if (entryPoint.access().contains(Access.READ_SIGNING_KEY)) {
            environment.put("TESSERA_RESOURCES_SIGNING_KEY_SECRET", props.secrets().signingKey().getSecretArn());
        }
        if (entryPoint == EntryPoints.API) {
            environment.put("TESSERA_WEB_ORIGINS", String.join(",", props.webOrigins()));
        }
        return environment;
    }

    private void grant(Access access, IGrantable role) {
        switch (access) {
            case MAIN_TABLE -> props.tables().of(TesseraResources.MAIN_TABLE).grantReadWriteData(role);
            case MAIN_TABLE_READ -> props.tables().of(TesseraResources.MAIN_TABLE).grantReadData(role);
            case ANALYTICS_TABLE -> props.tables().of(TesseraResources.ANALYTICS_TABLE).grantReadWriteData(role);
            case CONNECTIONS_TABLE -> props.tables().of(TesseraResources.CONNECTIONS_TABLE).grantReadWriteData(role);
            case PUSH -> {
                props.webSocket().stage().grantManagementApiAccess(role);
                props.tables().of(TesseraResources.MAIN_TABLE).grantReadData(role);
                props.tables().of(TesseraResources.CONNECTIONS_TABLE).grantReadWriteData(role);
            }
            case PUBLISH_EVENTS -> props.messaging().bus().grantPutEventsTo(role);
            case SCHEDULE_ANALYTICS_PUSH -> props.messaging().queue(TesseraResources.ANALYTICS_PUSH_QUEUE).grantSendMessages(role);
            case SCHEDULE_CONNECTION_CHECK -> props.messaging().queue(TesseraResources.CONNECTIONS_QUEUE).grantSendMessages(role);
            case UPLOADS_SIGN -> {
                props.uploads().bucket().grantPut(role, UPLOADED_OBJECTS);
                props.uploads().bucket().grantRead(role, UPLOADED_OBJECTS);
            }
            case UPLOADS_VERIFY -> {
                props.uploads().bucket().grantRead(role, UPLOADED_OBJECTS);
                props.uploads().bucket().grantDelete(role, UPLOADED_OBJECTS);
            }
            case UPLOADS_PROCESS -> {
                props.uploads().bucket().grantRead(role, UPLOADED_OBJECTS);
                props.uploads().bucket().grantPut(role, THUMBNAILS);
            }
            case READ_SIGNING_KEY -> props.secrets().signingKey().grantRead(role);
            case USER_ADMINISTRATION -> props.identity().userPool().grant(role, USER_ADMINISTRATION_ACTIONS.toArray(String[]::new));
            case ACCOUNT_CLEANUP -> props.identity().userPool().grant(role, ACCOUNT_CLEANUP_ACTIONS.toArray(String[]::new));
        }
    }
}
