package io.tessera.auth;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.tessera.core.context.CallContext;
import io.tessera.core.context.CorrelationIdFilter;
import io.tessera.core.context.TraceContext;

import org.slf4j.MDC;

import java.util.Map;
import java.util.Set;

/**
 * Puts the {@link CallContext} of each REST request in scope, right after the security filter has
 * verified the token: the tenant and user come from the token's claims and from nowhere else. In
 * Lambda the invocation's log keys (function_request_id, cold_start...), which Micronaut's handler put
 * in the MDC of the invocation's thread, go along too, so that a controller running on another thread
 * logs them as well.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CallContextFilter implements Ordered {

    @RequestFilter
    void bindCallContext(HttpRequest<?> request, MutablePropagatedContext propagatedContext) {
        String correlationId = CorrelationIdFilter.correlationIdOf(request);
        TraceContext trace = CorrelationIdFilter.traceOf(request);
        Map<String, String> invocation = MDC.getCopyOfContextMap();
        if (invocation != null && !invocation.isEmpty()) {
            propagatedContext.add(new MdcPropagationContext(invocation));
        }
        propagatedContext.add(request.getUserPrincipal(Authentication.class)
                .map(authentication -> new CallerClaims(authentication).callContext(correlationId, trace))
                .orElseGet(() -> new CallContext(null, null, Set.of(), correlationId, trace)));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
