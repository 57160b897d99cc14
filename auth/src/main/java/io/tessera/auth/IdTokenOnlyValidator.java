package io.tessera.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Accepts only Cognito ID tokens. Access tokens are signed by the same key but carry neither the
 * tenant claim nor an audience, so one must never pass for the other.
 */
@Singleton
class IdTokenOnlyValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return "id".equals(claims.get(CognitoClaims.TOKEN_USE));
    }
}
