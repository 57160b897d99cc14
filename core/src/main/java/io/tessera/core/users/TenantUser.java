package io.tessera.core.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A user of the current tenant as the tenant's directory knows them. Cognito holds the account;
 * this entry is what tenant listings, seat counting and the per-request access check read.
 *
 * @param userId the Cognito {@code sub}
 */
@Serdeable
public record TenantUser(String userId, String username, Role role, boolean enabled, Instant createdAt) {

    @JsonIgnore
    public boolean isEnabledAdmin() {
        return enabled && role == Role.TENANT_ADMIN;
    }
}
