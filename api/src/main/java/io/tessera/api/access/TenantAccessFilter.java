package io.tessera.api.access;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;
import io.tessera.auth.CallerClaims;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.context.CallContext;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.Tiers;

import java.time.Instant;
import java.util.List;

/**
 * For every request of a tenant user: is the tenant active and the user still allowed (403/401
 * otherwise), and is the tenant within its tier's request rate (429 otherwise)? Public endpoints
 * (health, sign-in, signup) do not depend on who calls, so a stale token sent along is ignored there.
 * <p>
 * Not for the local WebSocket handshake ({@code /ws}), which HandshakeFilter checks the same way:
 * this filter moves to a blocking thread, and a WebSocket upgrade resumed off the event loop can
 * lose the client's first frame (Micronaut 4.10's upgrade handler races with it).
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "^(?!/ws(/|$)).*")
class TenantAccessFilter implements Ordered {

    private final TenantAccess access;
    private final TenantRateLimiter rateLimiter;
    private final Tiers tiers;

    TenantAccessFilter(TenantAccess access, TenantRateLimiter rateLimiter, Tiers tiers) {
        this.access = access;
        this.rateLimiter = rateLimiter;
        this.tiers = tiers;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void admitTenantUser(HttpRequest<?> request) {
        if (isPublic(request)) {
            return;
        }
        Instant tokenIssuedAt = request.getUserPrincipal(Authentication.class)
                .map(authentication -> new CallerClaims(authentication).issuedAt())
                .orElse(Instant.EPOCH);
        CallContext.current().filter(caller -> caller.tenantId() != null).ifPresent(caller -> {
            Tenant tenant = access.verify(caller, tokenIssuedAt);
            rateLimiter.acquire(tenant.id(), tiers.of(tenant.tier()).getRequestsPerSecond());
        });
    }

    private static boolean isPublic(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .map(route -> List.of(route.getAnnotationMetadata().stringValues(Secured.class)).contains(SecurityRule.IS_ANONYMOUS))
                .orElse(false);
    }

    @Override
    public int getOrder() {
        // After CallContextFilter, which binds the caller right after the security filter.
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
