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
import io.tessera.core.users.PasswordPolicy;
import io.tessera.core.users.PasswordReset;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /auth/password/forgot} and {@code POST /auth/password/reset}: a forgotten password is
 * reset by the code Cognito emails ({@link PasswordReset}); public, limited per account and per
 * client address.
 */
@Controller("/auth/password")
@Secured(SecurityRule.IS_ANONYMOUS)
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @Serdeable
    record ForgotRequest(@Visible @TextLength(max = 128) String username) {
    }

    @Serdeable
    record ResetRequest(@Visible @TextLength(max = 128) String username,
                        @Visible @TextLength(max = 16) String code,
                        @NotBlank @TextLength(min = PasswordPolicy.MIN_LENGTH, max = 256)
                        @Pattern(regexp = PasswordPolicy.PATTERN, message = PasswordPolicy.PATTERN_MESSAGE) String newPassword) {
    }

    /** 202 whether or not the account exists. */
    @Post("/forgot")
    HttpResponse<CodeSent> forgot(@Body @Valid ForgotRequest forgot, HttpRequest<?> request) {
        return HttpResponse.accepted().body(new CodeSent(reset.requestCode(forgot.username(), ClientAddresses.of(request)).orElse(null)));
    }

    /** 204 once the new password is set and every session of the account ended. */
    @Post("/reset")
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> reset(@Body @Valid ResetRequest resetRequest, HttpRequest<?> request) {
        reset.reset(resetRequest.username(), resetRequest.code(), resetRequest.newPassword(), ClientAddresses.of(request));
        return HttpResponse.noContent();
    }
}
