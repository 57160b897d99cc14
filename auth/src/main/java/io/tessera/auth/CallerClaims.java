package io.tessera.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.tessera.core.context.CallContext;
import io.tessera.core.context.TraceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;

/** Reads who the caller is from a verified Cognito ID token. */
public record CallerClaims(Authentication authentication) {

    /** The Cognito {@code sub}: stable for the life of the user, unlike the username. */
    public String userId() {
        return authentication.getName();
    }

    @Nullable
    public String username() {
        return claim(CognitoClaims.USERNAME);
    }

    @Nullable
    public String email() {
        return claim(CognitoClaims.EMAIL);
    }

    /** Null only for platform admins, who belong to no tenant. */
    @Nullable
    public String tenantId() {
        return claim(CognitoClaims.TENANT_ID);
    }

    public Set<String> roles() {
        return Set.copyOf(authentication.getRoles());
    }

    /**
     * The token's {@code iat} (RFC 7519 §4.1.6) in whole seconds, or the epoch if it has none:
     * such a token counts as issued before any change of the user's access.
     */
    public Instant issuedAt() {
        Object value = authentication.getAttributes().get(CognitoClaims.ISSUED_AT);
        return switch (value) {
            case Date date -> date.toInstant().truncatedTo(ChronoUnit.SECONDS);
            case Instant instant -> instant.truncatedTo(ChronoUnit.SECONDS);
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case null, default -> Instant.EPOCH;
        };
    }

    public CallContext callContext(String correlationId, TraceContext trace) {
        return new CallContext(tenantId(), userId(), roles(), correlationId, trace);
    }

    @Nullable
    private String claim(String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null ? null : value.toString();
    }
}
