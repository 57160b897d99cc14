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

import java.util.List;

/** The caller as the verified ID token describes them. */
@Controller("/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    /** @param tenantId absent for platform admins */
    @Serdeable
    record Me(String userId, String username, @Nullable String email, @Nullable String tenantId, List<String> roles) {
    }

    /** Reads only the verified token, so it answers on the event loop, without a hop to a blocking thread. */
    @Get
    @NonBlocking
    Me me(Authentication authentication) {
        CallerClaims caller = new CallerClaims(authentication);
        return new Me(caller.userId(), caller.username(), caller.email(), caller.tenantId(),
                caller.roles().stream().sorted().toList());
    }
}
