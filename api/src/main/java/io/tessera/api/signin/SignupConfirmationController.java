package io.tessera.api.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.problems.Problem;
import io.tessera.api.text.TextLength;
import io.tessera.api.text.Visible;
import io.tessera.core.tenants.TenantSignup;
import jakarta.validation.Valid;

/**
 * {@code POST /auth/confirm} and {@code POST /auth/confirm/resend}: a new tenant's first admin
 * confirms the code Cognito emailed at signup ({@link TenantSignup}); public, limited per account
 * and per client address.
 */
@Controller("/auth/confirm")
@Secured(SecurityRule.IS_ANONYMOUS)
class SignupConfirmationController {

    private final TenantSignup signup;

    SignupConfirmationController(TenantSignup signup) {
        this.signup = signup;
    }

    @Serdeable
    record ConfirmRequest(@Visible @TextLength(max = 128) String username, @Visible @TextLength(max = 16) String code) {
    }

    @Serdeable
    record ResendRequest(@Visible @TextLength(max = 128) String username) {
    }

    /** 204 once the account is confirmed and the tenant active; 422 for any code that does not confirm it. */
    @Post
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> confirm(@Body @Valid ConfirmRequest confirm, HttpRequest<?> request) {
        signup.confirm(confirm.username(), confirm.code(), ClientAddresses.of(request));
        return HttpResponse.noContent();
    }

    /** 202 whether or not an account awaits a code, so that the answer tells nothing about accounts. */
    @Post("/resend")
    HttpResponse<CodeSent> resend(@Body @Valid ResendRequest resend, HttpRequest<?> request) {
        return HttpResponse.accepted().body(new CodeSent(signup.resendCode(resend.username(), ClientAddresses.of(request)).orElse(null)));
    }
}
