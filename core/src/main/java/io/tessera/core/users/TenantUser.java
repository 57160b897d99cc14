package io.tessera.core.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A user of the current tenant as the tenant's directory knows them. Cognito holds the account;
 * this entry is what tenant listings, seat counting and the per-request access check read.
 *
 * @param userId          the Cognito {@code sub}
 * @param version         incremented by every change; the ETag an update may name in {@code If-Match}
 * @param accessChangedAt when the role or the enabled state last changed or the user signed out
 *                        everywhere, null if never: tokens issued before then (in whole seconds, as
 *                        {@code iat} has them) no longer count, even if the change was undone; see
 *                        {@link #accessChangeAt}
 * @param mfaEnabled      whether the account signs in with a TOTP code (mirrors Cognito's MFA preference)
 */
@Serdeable
public record TenantUser(String userId, String username, Role role, boolean enabled, Instant createdAt, long version,
                         @JsonIgnore @Nullable Instant accessChangedAt, boolean mfaEnabled) {

    /** A new directory entry, at version 1. */
    public static TenantUser added(String userId, String username, Role role, Instant createdAt) {
        return new TenantUser(userId, username, role, true, createdAt, 1, null, false);
    }

    /** The next version, with TOTP MFA on or off. */
    public TenantUser withMfa(boolean nowEnabled) {
        return new TenantUser(userId, username, role, enabled, createdAt, version + 1, accessChangedAt, nowEnabled);
    }

    /** The next version, in another role, with its access changed {@code at}. */
    public TenantUser withRole(Role newRole, Instant at) {
        return new TenantUser(userId, username, newRole, enabled, createdAt, version + 1, accessChangeAt(accessChangedAt, at), mfaEnabled);
    }

    /** The next version, enabled or disabled, with its access changed {@code at}. */
    public TenantUser withEnabled(boolean nowEnabled, Instant at) {
        return new TenantUser(userId, username, role, nowEnabled, createdAt, version + 1, accessChangeAt(accessChangedAt, at), mfaEnabled);
    }

    /**
     * The next version, signed out everywhere {@code at}. Every token issued up to the end of that
     * second no longer counts: one from the same second may be from before the sign-out (tokens
     * carry whole seconds), so signing in again works from the next second on.
     */
    public TenantUser signedOutEverywhere(Instant at) {
        return new TenantUser(userId, username, role, enabled, createdAt, version + 1,
                accessChangeAt(accessChangedAt, at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)), mfaEnabled);
    }

    /**
     * When a change made {@code now} counts as made. Tokens carry their issue time in whole
     * seconds, so one from the change's own second may be from before it: that is harmless after a
     * single change (the token's role or the enabled check still tells), but a change undone within
     * the same second would let such a token through. A second change within the second of the
     * previous one therefore counts from the next whole second: a user signs in again a moment later.
     */
    static Instant accessChangeAt(@Nullable Instant previous, Instant now) {
        if (previous != null && !previous.truncatedTo(ChronoUnit.SECONDS).isBefore(now.truncatedTo(ChronoUnit.SECONDS))) {
            return previous.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        return now;
    }

    @JsonIgnore
    public boolean isEnabledAdmin() {
        return enabled && role == Role.TENANT_ADMIN;
    }
}
