package io.tessera.core.context;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Gives every HTTP request a correlation id before anything else runs (so even a rejected token
 * gets one): the client's {@code X-Correlation-Id} when it is sane, a new one otherwise. It is
 * echoed on every response and carried on by {@link CallContext}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorrelationIdFilter implements Ordered {

    public static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = "tessera.correlationId";

    /** The request's correlation id; assigned by this filter, so present on every routed request. */
    public static String correlationIdOf(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(CallContext::newCorrelationId);
    }

    @RequestFilter
    void assign(HttpRequest<?> request) {
        String sent = request.getHeaders().get(HEADER);
        request.setAttribute(ATTRIBUTE, sent != null && sent.matches("[A-Za-z0-9._-]{1,64}") ? sent : CallContext.newCorrelationId());
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(HEADER, correlationIdOf(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
