package io.tessera.core.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A user of the current tenant as the tenant's directory knows them. Cognito holds the account;
 * this entry is what tenant listings, seat counting and the per-request access check read.
 *
 * @param userId          the Cognito {@code sub}
 * @param version         incremented by every change; the ETag an update may name in {@code If-Match}
 * @param accessChangedAt when the role or the enabled state last changed, null if never: tokens
 *                        issued before then no longer count, even if the change was undone
 */
@Serdeable
public record TenantUser(String userId, String username, Role role, boolean enabled, Instant createdAt, long version,
                         @JsonIgnore @Nullable Instant accessChangedAt) {

    /** A new directory entry, at version 1. */
    public static TenantUser added(String userId, String username, Role role, Instant createdAt) {
        return new TenantUser(userId, username, role, true, createdAt, 1, null);
    }

    /** The next version, in another role, with its access changed {@code at}. */
    public TenantUser withRole(Role newRole, Instant at) {
        return new TenantUser(userId, username, newRole, enabled, createdAt, version + 1, at);
    }

    /** The next version, enabled or disabled, with its access changed {@code at}. */
    public TenantUser withEnabled(boolean nowEnabled, Instant at) {
        return new TenantUser(userId, username, role, nowEnabled, createdAt, version + 1, at);
    }

    @JsonIgnore
    public boolean isEnabledAdmin() {
        return enabled && role == Role.TENANT_ADMIN;
    }
}
