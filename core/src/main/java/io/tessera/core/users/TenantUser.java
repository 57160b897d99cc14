package io.tessera.core.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A user of the current tenant as the tenant's directory knows them. Cognito holds the account;
 * this entry is what tenant listings, seat counting and the per-request access check read.
 *
 * @param userId  the Cognito {@code sub}
 * @param version incremented by every change; the ETag an update may name in {@code If-Match}
 */
@Serdeable
public record TenantUser(String userId, String username, Role role, boolean enabled, Instant createdAt, long version) {

    /** A new directory entry, at version 1. */
    public static TenantUser added(String userId, String username, Role role, Instant createdAt) {
        return new TenantUser(userId, username, role, true, createdAt, 1);
    }

    @JsonIgnore
    public boolean isEnabledAdmin() {
        return enabled && role == Role.TENANT_ADMIN;
    }
}
