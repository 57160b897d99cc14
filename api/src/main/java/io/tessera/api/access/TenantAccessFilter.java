package io.tessera.api.access;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.tessera.auth.CallerClaims;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.access.TenantAdmission;
import io.tessera.core.context.CallContext;

import java.time.Instant;
import java.util.Optional;

/**
 * For every request of a tenant user: is the tenant active and the user still allowed (403/401
 * otherwise), and is the tenant within its tier's request rate (429 otherwise)? Not on
 * {@link PublicRoutes}.
 * A user whose tenant requires MFA they have not enrolled may make only the requests of
 * {@link MfaEnrolment}.
 * <p>
 * The answer ({@link TenantAdmission}) comes from {@link TenantAccess}'s memory, which a busy
 * user's requests keep fresh in the background, so it runs where the request is, without a hop to
 * a blocking thread. Only a tenant or user this process has not seen for
 * {@link TenantAccess#MAX_AGE} is read from DynamoDB right here: in Lambda on the invocation's own thread, locally on the event loop for that one read.
 * Resuming the filter chain on another thread instead loses request bodies now and then (Micronaut
 * 4.10), and a WebSocket upgrade its first frame, so {@code /ws} is left to HandshakeFilter.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "^(?!/ws(/|$)).*")
class TenantAccessFilter implements Ordered {

    private final TenantAdmission admission;

    TenantAccessFilter(TenantAdmission admission) {
        this.admission = admission;
    }

    @RequestFilter
    void admitTenantUser(HttpRequest<?> request) {
        Optional<CallContext> tenantCaller = CallContext.current().filter(caller -> caller.tenantId() != null);
        if (tenantCaller.isEmpty() || PublicRoutes.isPublic(request)) {
            return;
        }
        CallContext caller = tenantCaller.get();
        Instant tokenIssuedAt = request.getUserPrincipal(Authentication.class)
                .map(authentication -> new CallerClaims(authentication).issuedAt())
                .orElse(Instant.EPOCH);
        admission.admit(caller, tokenIssuedAt, MfaEnrolment.isPartOf(request));
    }

    @Override
    public int getOrder() {
        // After CallContextFilter, which binds the caller right after the security filter.
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
