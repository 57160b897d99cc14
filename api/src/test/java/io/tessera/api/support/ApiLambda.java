package io.tessera.api.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.tessera.auth.testing.Emulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API's Lambda entry point, fed API Gateway proxy events the way Lambda feeds it. Its
 * configuration is production's except for where the pool's keys are fetched from: the emulator.
 */
public final class ApiLambda implements AutoCloseable {

    private final ApiGatewayProxyRequestEventFunction handler;

    public ApiLambda() {
        handler = new ApiGatewayProxyRequestEventFunction(ApplicationContext.builder()
                .properties(Map.of("tessera.cognito.jwks-url", Emulator.jwksUrl()))
                .start());
    }

    public APIGatewayProxyResponseEvent get(String path, String bearerToken) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/api-gateway-get.json");
        event.setPath(path);
        if (bearerToken != null) {
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("Authorization", "Bearer " + bearerToken);
            event.setHeaders(headers);
            Map<String, List<String>> multiValueHeaders = new HashMap<>(event.getMultiValueHeaders());
            multiValueHeaders.put("Authorization", List.of("Bearer " + bearerToken));
            event.setMultiValueHeaders(multiValueHeaders);
        }
        return handler.handleRequest(event, null);
    }

    @Override
    public void close() {
        handler.close();
    }
}
