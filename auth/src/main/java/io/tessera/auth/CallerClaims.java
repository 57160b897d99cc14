package io.tessera.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.tessera.core.context.CallContext;

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

    public CallContext callContext(String correlationId) {
        return new CallContext(tenantId(), userId(), roles(), correlationId);
    }

    @Nullable
    private String claim(String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null ? null : value.toString();
    }
}
