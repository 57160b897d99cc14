package io.tessera.api.metrics;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.tessera.auth.CallerClaims;
import io.tessera.core.context.CorrelationIdFilter;
import io.tessera.core.metrics.TenantMetrics;

import java.time.Duration;

/**
 * Counts every answered REST request in {@link TenantMetrics} by tenant and route template
 * ({@code GET:/orders/{orderId}}, never the raw path, so the number of routes bounds the metrics),
 * with its latency from the first filter ({@link CorrelationIdFilter}) to the response. Requests that matched no route count
 * under {@value #UNMATCHED}. The WebSocket upgrade is left out: its messages are not requests.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "^(?!/ws(/|$)).*")
class RequestMetricsFilter implements Ordered {

    static final String UNMATCHED = "unmatched";

    private final TenantMetrics metrics;

    RequestMetricsFilter(TenantMetrics metrics) {
        this.metrics = metrics;
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = CorrelationIdFilter.startedNanosOf(request);
        String tenantId = request.getUserPrincipal(Authentication.class).map(caller -> new CallerClaims(caller).tenantId()).orElse(null);
        metrics.request(tenantId, routeOf(request), response.code(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static String routeOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> request.getMethodName() + ":" + ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElse(UNMATCHED);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
