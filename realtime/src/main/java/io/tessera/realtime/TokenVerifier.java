package io.tessera.realtime;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.tessera.auth.CallerClaims;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.UnauthorizedException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Verifies the ID token a WebSocket client connects with, exactly as the REST API does (the same
 * Micronaut validator with the same claims rules, {@code IdTokenRules} among them), and whether
 * the tenant and user may connect now.
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

    /**
     * The caller and until when its token holds, or 401 (bad token) / 403 (no tenant, suspended
     * tenant, disabled user) as a {@link io.tessera.core.problems.ProblemException}.
     */
    VerifiedCaller verify(String token) {
        JWT jwt = validate(token)
                .orElseThrow(() -> new UnauthorizedException("A valid Cognito ID token is required: ?token=<idToken>."));
        CallerClaims caller = authentications.createAuthentication(jwt)
                .map(CallerClaims::new)
                .orElseThrow(() -> new UnauthorizedException("A valid Cognito ID token is required: ?token=<idToken>."));
        if (caller.tenantId() == null) {
            throw new ForbiddenException("Only users of a tenant can connect.");
        }
        CallContext context = caller.callContext(CallContext.newCorrelationId(), CallContext.currentTrace());
        access.verify(context, caller.issuedAt(), false);
        return new VerifiedCaller(context, caller.issuedAt(), expiryOf(jwt));
    }

    /** The token's {@code exp}; the validator refuses tokens without one. */
    private static Instant expiryOf(JWT jwt) {
        try {
            return jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            throw new UnauthorizedException("A valid Cognito ID token is required: ?token=<idToken>.");
        }
    }

    /**
     * The reactive validator is the one that checks JWKS signatures. Waiting on its future (not
     * Reactor's block(), which refuses event-loop threads) is safe here: the keys are fetched on
     * the blocking executor and cached, so the wait is short and never needs the caller's thread.
     */
    private Optional<JWT> validate(String token) {
        try {
            return Optional.ofNullable(Mono.from(validator.validate(token, null)).toFuture()
                    .get(KEY_FETCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
