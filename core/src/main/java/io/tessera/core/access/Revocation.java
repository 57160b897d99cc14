package io.tessera.core.access;

import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.ProblemException;
import io.tessera.core.problems.UnauthorizedException;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.users.TenantUser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Why a verified ID token no longer carries the authority it claims: the rule behind the current-
 * authority guarantee of REST requests and WebSocket connections alike.
 *
 * @param signInAgain true when a new token would help (the user left the tenant or changed role:
 *                    401 on REST), false when the user or tenant is refused as such (403)
 * @param reason      for the caller, e.g. "This account is disabled."
 * @param enrolMfa    true when all that is missing is the TOTP MFA the tenant requires: enrolling
 *                    ({@code /me/mfa/**}) is still allowed
 */
public record Revocation(boolean signInAgain, String reason, boolean enrolMfa) {

    private Revocation(boolean signInAgain, String reason) {
        this(signInAgain, reason, false);
    }

    /** Judges a tenant's standing: it must exist and be active. */
    public static Optional<Revocation> ofTenant(Optional<Tenant> tenant) {
        if (tenant.isEmpty()) {
            return Optional.of(new Revocation(false, "Your tenant does not exist."));
        }
        if (tenant.get().status() != TenantStatus.ACTIVE) {
            return Optional.of(new Revocation(false, "Your tenant is " + tenant.get().status().wireName() + "."));
        }
        return Optional.empty();
    }

    /**
     * Judges a tenant user's token against what is stored now: the tenant's standing, then the
     * user's (still in the tenant, enabled, in the role the token claims, and no change of role or
     * enabled state since the token was issued, even one that was undone), and TOTP MFA enabled if
     * the tenant requires it.
     *
     * @param user          the user's directory entry, empty if the user is not in the tenant
     * @param tokenRoles    the {@code cognito:groups} the token carries
     * @param tokenIssuedAt the token's {@code iat} (RFC 7519 §4.1.6), whole seconds
     * @return empty when the token still carries its authority
     */
    public static Optional<Revocation> ofUser(Optional<Tenant> tenant, Optional<TenantUser> user, Set<String> tokenRoles,
                                              Instant tokenIssuedAt) {
        return ofTenant(tenant).or(() -> {
            if (user.isEmpty()) {
                return Optional.of(new Revocation(true, "This account no longer belongs to the tenant."));
            }
            if (!user.get().enabled()) {
                return Optional.of(new Revocation(false, "This account is disabled."));
            }
            if (!tokenRoles.contains(user.get().role().group())) {
                return Optional.of(new Revocation(true, "Your role has changed; sign in again."));
            }
            Instant changedAt = user.get().accessChangedAt();
            if (changedAt != null && tokenIssuedAt.isBefore(changedAt.truncatedTo(ChronoUnit.SECONDS))) {
                return Optional.of(new Revocation(true, "Your access has changed since this token was issued; sign in again."));
            }
            if (tenant.get().mfaRequired() && !user.get().mfaEnabled()) {
                return Optional.of(new Revocation(false,
                        "Your tenant requires MFA: enrol an authenticator app at POST /me/mfa/totp first.", true));
            }
            return Optional.empty();
        });
    }

    /** As a REST answer: 401 or 403. */
    public ProblemException toProblem() {
        return signInAgain ? new UnauthorizedException(reason) : new ForbiddenException(reason);
    }
}
