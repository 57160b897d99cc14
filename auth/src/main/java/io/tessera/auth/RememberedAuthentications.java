package io.tessera.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWT;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Remembers, per ID token as sent, the authentication Micronaut's JWT validator made of it, so that
 * a client sending the same token on every request costs one parse and one check of its claims,
 * not one per request (they were a fifth of the CPU of {@code GET /me}; see bench/RESULTS.md). It
 * runs before Micronaut's JWT validator ({@link ReactiveJsonWebTokenValidator}) and answers only for tokens that validator accepted; an
 * entry ends when its token expires ({@code exp}, RFC 7519 §4.1.4) or after {@link #AT_MOST}.
 * Refused tokens are never remembered. What may change while a token lives (the user's and the
 * tenant's standing, the revocation of older tokens) is checked per request after authentication,
 * not here.
 */
@Singleton
class RememberedAuthentications implements TokenValidator<HttpRequest<?>> {

    /** The longest an authentication is remembered, even for a token that lives longer. */
    static final Duration AT_MOST = Duration.ofMinutes(5);
    private static final int MAX_TOKENS = 10_000;

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final Clock clock;
    private final Cache<String, Remembered> remembered;

    /** An authentication and when its token expires. */
    private record Remembered(Authentication authentication, Instant expiresAt) {
    }

    RememberedAuthentications(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
        this.remembered = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Remembered>creating((token, entry) -> keepFor(entry.expiresAt())))
                .build();
    }

    /** @return the remembered authentication, or the JWT validator's (remembered if it accepted the token) */
    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Remembered known = remembered.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return Mono.just(known.authentication());
        }
        return Mono.from(validator.validateToken(token, request)).doOnNext(authentication ->
                expiryOf(authentication).ifPresent(expiresAt -> remembered.put(token, new Remembered(authentication, expiresAt))));
    }

    /** Before Micronaut's JWT validator, so that a remembered token never reaches it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private Duration keepFor(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
    }

    /** The token's {@code exp} as Micronaut put it among the authentication's attributes. */
    private static Optional<Instant> expiryOf(Authentication authentication) {
        Object exp = authentication.getAttributes().get(Claims.EXPIRATION_TIME);
        if (exp instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (exp instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }
}
