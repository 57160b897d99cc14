package io.tessera.api.access;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.tessera.auth.CallerClaims;
import io.tessera.core.access.PlatformAdminMfa;
import io.tessera.core.resources.Roles;

/**
 * For every request of a platform admin: the account must have TOTP MFA ({@link PlatformAdminMfa}:
 * 403 otherwise), except the requests of {@link MfaEnrolment}. Like {@link TenantAccessFilter} it
 * answers from memory and asks Cognito only for an admin this process has not seen for a few seconds.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX, value = "^(?!/ws(/|$)).*")
class PlatformAdminMfaFilter implements Ordered {

    private final PlatformAdminMfa mfa;

    PlatformAdminMfaFilter(PlatformAdminMfa mfa) {
        this.mfa = mfa;
    }

    @RequestFilter
    void requireMfa(HttpRequest<?> request) {
        request.getUserPrincipal(Authentication.class)
                .map(CallerClaims::new)
                .filter(caller -> caller.tenantId() == null && caller.roles().contains(Roles.PLATFORM_ADMINS))
                .filter(caller -> !PublicRoutes.isPublic(request))
                .ifPresent(caller -> mfa.verify(caller.username(), MfaEnrolment.isPartOf(request)));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
