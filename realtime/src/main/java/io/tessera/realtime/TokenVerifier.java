package io.tessera.realtime;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.tessera.auth.CallerClaims;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.UnauthorizedException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Verifies the ID token a WebSocket client connects with, exactly as the REST API does (same
 * validator, same claims rules), and whether the tenant and user may connect now.
 */
@Singleton
class TokenVerifier {

    private static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final JwtAuthenticationFactory authentications;
    private final TenantAccess access;

    TokenVerifier(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator, JwtAuthenticationFactory authentications,
                  TenantAccess access) {
        this.validator = validator;
        this.authentications = authentications;
        this.access = access;
    }

    /** The caller's context, or 401 (bad token) / 403 (no tenant, suspended tenant, disabled user). */
    CallContext verify(String token) {
        // The reactive validator is the one that checks JWKS signatures; callers are on blocking threads.
        CallerClaims caller = Mono.from(validator.validate(token, null)).onErrorResume(error -> Mono.empty())
                .blockOptional(KEY_FETCH_TIMEOUT)
                .flatMap(authentications::createAuthentication)
                .map(CallerClaims::new)
                .orElseThrow(() -> new UnauthorizedException("A valid Cognito ID token is required: ?token=<idToken>."));
        if (caller.tenantId() == null) {
            throw new ForbiddenException("Only users of a tenant can connect.");
        }
        CallContext context = caller.callContext(CallContext.newCorrelationId());
        access.verify(context);
        return context;
    }
}
