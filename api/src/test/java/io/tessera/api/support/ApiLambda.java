package io.tessera.api.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.context.ApplicationContext;
import io.tessera.api.ApiFunction;
import io.tessera.auth.testing.Emulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API's Lambda entry point, fed API Gateway proxy events the way Lambda feeds it. Its
 * configuration is production's except for where the pool's keys are fetched from: the emulator.
 */
public final class ApiLambda implements AutoCloseable {

    private final ApiFunction handler;

    public ApiLambda() {
        this(Map.of());
    }

    /** @param properties configuration on top of production's, as the function's environment would set it */
    public ApiLambda(Map<String, Object> properties) {
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.put("tessera.cognito.jwks-url", Emulator.jwksUrl());
        handler = new ApiFunction(ApplicationContext.builder().properties(configuration).start());
    }

    public APIGatewayProxyResponseEvent get(String path, String bearerToken) {
        return getWithHeaders(path, bearerToken == null ? Map.of() : Map.of("Authorization", "Bearer " + bearerToken));
    }

    public APIGatewayProxyResponseEvent getWithHeaders(String path, Map<String, String> extraHeaders) {
        return getInInvocation(path, extraHeaders, null);
    }

    /** @param invocation the Lambda context of the invocation, or null as in tests that do not need one */
    public APIGatewayProxyResponseEvent getInInvocation(String path, Map<String, String> extraHeaders, Context invocation) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/api-gateway-get.json");
        event.setPath(path);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        Map<String, List<String>> multiValueHeaders = new HashMap<>(event.getMultiValueHeaders());
        extraHeaders.forEach((name, value) -> {
            headers.put(name, value);
            multiValueHeaders.put(name, List.of(value));
        });
        event.setHeaders(headers);
        event.setMultiValueHeaders(multiValueHeaders);
        return handler.handleRequest(event, invocation);
    }

    @Override
    public void close() {
        handler.close();
    }
}
