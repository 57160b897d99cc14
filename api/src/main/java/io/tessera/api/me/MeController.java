package io.tessera.api.me;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.auth.CallerClaims;
import io.tessera.core.access.PlatformAdminMfa;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.context.CallContext;
import io.tessera.core.users.TenantUser;

import java.util.List;

/** The caller as the verified ID token describes them, and whether they sign in with MFA. */
@Controller("/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    private final TenantAccess tenantAccess;
    private final PlatformAdminMfa platformAdmins;

    MeController(TenantAccess tenantAccess, PlatformAdminMfa platformAdmins) {
        this.tenantAccess = tenantAccess;
        this.platformAdmins = platformAdmins;
    }

    /** @param tenantId absent for platform admins */
    @Serdeable
    record Me(String userId, String username, @Nullable String email, @Nullable String tenantId, List<String> roles,
              boolean mfaEnabled) {
    }

    /**
     * Reads the verified token, and the MFA setting the access filters have just read for this
     * request, so it answers on the event loop, without a hop to a blocking thread.
     */
    @Get
    @NonBlocking
    Me me(Authentication authentication) {
        CallerClaims caller = new CallerClaims(authentication);
        boolean mfaEnabled = caller.tenantId() == null
                ? platformAdmins.isEnabled(caller.username())
                : CallContext.current().flatMap(tenantAccess::knownUser).map(TenantUser::mfaEnabled).orElse(false);
        return new Me(caller.userId(), caller.username(), caller.email(), caller.tenantId(),
                caller.roles().stream().sorted().toList(), mfaEnabled);
    }
}
