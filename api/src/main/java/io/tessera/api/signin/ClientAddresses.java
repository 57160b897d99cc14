package io.tessera.api.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;

import java.util.Optional;

/**
 * The IP address a request came from, as the platform saw it, for limits per client address: in
 * Lambda the API Gateway event's {@code requestContext.identity.sourceIp} (API Gateway sets it from
 * the TCP connection; see "Set up Lambda proxy integrations" in the API Gateway developer guide),
 * locally the TCP peer of the HTTP server. Headers such as {@code X-Forwarded-For} are never
 * trusted: any client can write them.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /** @return a textual IPv4 or IPv6 address ({@code 203.0.113.7}, {@code ::1}) */
    public static String of(HttpRequest<?> request) {
        return sourceIp(request).orElseGet(() -> request.getRemoteAddress().getAddress().getHostAddress());
    }

    private static Optional<String> sourceIp(HttpRequest<?> request) {
        return request instanceof ServletHttpRequest<?, ?> servlet && servlet.getNativeRequest() instanceof APIGatewayProxyRequestEvent event
                ? Optional.ofNullable(event.getRequestContext()).map(APIGatewayProxyRequestEvent.ProxyRequestContext::getIdentity)
                        .map(APIGatewayProxyRequestEvent.RequestIdentity::getSourceIp)
                : Optional.empty();
    }
}
