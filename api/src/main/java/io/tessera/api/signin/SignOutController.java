package io.tessera.api.signin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.tessera.api.problems.Problem;
import io.tessera.auth.CallerClaims;
import io.tessera.core.users.SignOutEverywhere;

/** {@code POST /auth/sign-out}: the caller signs out of every device (see {@link SignOutEverywhere}); 204. */
@Controller("/auth/sign-out")
@Secured(SecurityRule.IS_AUTHENTICATED)
class SignOutController {

    private final SignOutEverywhere signOut;

    SignOutController(SignOutEverywhere signOut) {
        this.signOut = signOut;
    }

    @Post
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> signOutEverywhere(Authentication caller) {
        signOut.signOut(new CallerClaims(caller).username());
        return HttpResponse.noContent();
    }
}
