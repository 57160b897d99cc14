package io.tessera.core.push;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Pushes through the API Gateway Management API of the WebSocket stage (its URL comes from
 * {@code aws.services.execute-api.endpoint-override}, set by the stack): PostToConnection and
 * DeleteConnection. 410 Gone means the client left without a clean disconnect.
 */
@Singleton
@Requires(notEnv = "local")
class ApiGatewayPusher implements Pusher {

    private final ApiGatewayManagementApiClient managementApi;

    ApiGatewayPusher(ApiGatewayManagementApiClient managementApi) {
        this.managementApi = managementApi;
    }

    @Override
    public boolean send(String connectionId, String message) {
        try {
            managementApi.postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String(message)));
            return true;
        } catch (GoneException e) {
            return false;
        }
    }

    @Override
    public void disconnect(String connectionId, Closing closing) {
        try {
            managementApi.deleteConnection(request -> request.connectionId(connectionId));
        } catch (GoneException e) {
            // already gone: the goal is reached
        }
    }
}
