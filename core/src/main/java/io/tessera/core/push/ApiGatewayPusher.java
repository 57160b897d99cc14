package io.tessera.core.push;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes through the API Gateway Management API of the WebSocket stage (its URL comes from
 * {@code aws.services.execute-api.endpoint-override}, set by the stack): PostToConnection and
 * DeleteConnection. 410 Gone means the client left without a clean disconnect. A message for many
 * connections goes out {@link #MAX_IN_FLIGHT} calls at a time, each on a virtual thread, so that
 * thousands of connections take seconds' worth of round trips divided by that, not their sum.
 */
@Singleton
@Requires(notEnv = "local")
class ApiGatewayPusher implements Pusher {

    /** Calls in flight at once; the SDK's HTTP connection pool is sized to match ({@code aws.apache-client.max-connections}). */
    static final int MAX_IN_FLIGHT = 128;

    private final ApiGatewayManagementApiClient managementApi;

    ApiGatewayPusher(ApiGatewayManagementApiClient managementApi) {
        this.managementApi = managementApi;
    }

    /** @throws RuntimeException the first failure other than 410, once every call has ended (the event is then retried) */
    @Override
    public Set<String> sendToAll(Collection<String> connectionIds, String message) {
        Set<String> gone = ConcurrentHashMap.newKeySet();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String connectionId : connectionIds) {
                inFlight.acquireUninterruptibly();
                threads.execute(() -> {
                    try {
                        if (!send(connectionId, message)) {
                            gone.add(connectionId);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return gone;
    }

    @Override
    public boolean send(String connectionId, String message) {
        try {
            managementApi.postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String(message)));
            return true;
        } catch (ApiGatewayManagementApiException e) {
            if (gone(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void disconnect(String connectionId, Closing closing) {
        try {
            managementApi.deleteConnection(request -> request.connectionId(connectionId));
        } catch (ApiGatewayManagementApiException e) {
            if (!gone(e)) {
                throw e;
            }
            // already gone: the goal is reached
        }
    }

    /**
     * 410: the connection is no longer there ({@link GoneException} when the answer names its error
     * type, as API Gateway's does; the status alone from anything in between).
     */
    private static boolean gone(ApiGatewayManagementApiException e) {
        return e instanceof GoneException || e.statusCode() == 410;
    }
}
