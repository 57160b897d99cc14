package io.tessera.api.me;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.problems.Problem;
import io.tessera.api.signin.ClientAddresses;
import io.tessera.api.text.TextLength;
import io.tessera.api.text.Visible;
import io.tessera.auth.CallerClaims;
import io.tessera.core.users.MfaSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code /me/mfa/totp}: the caller's TOTP MFA ({@link MfaSettings}). Cognito's software-token API
 * works on the account's access token, which the caller got with its ID token at sign-in and sends
 * in the body; it must be the caller's own.
 */
@Controller("/me/mfa/totp")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MfaController {

    /** What an authenticator app shows: six digits (RFC 6238 with Cognito's parameters). */
    static final String TOTP_CODE = "[0-9]{6}";

    private final MfaSettings mfa;

    MfaController(MfaSettings mfa) {
        this.mfa = mfa;
    }

    @Serdeable
    record EnrolRequest(@Visible @TextLength(max = 8192) String accessToken) {
    }

    @Serdeable
    record EnableRequest(@Visible @TextLength(max = 8192) String accessToken, @NotNull @Pattern(regexp = TOTP_CODE) String code) {
    }

    @Serdeable
    record DisableRequest(@Visible @TextLength(max = 256) String password, @NotNull @Pattern(regexp = TOTP_CODE) String code) {
    }

    @Serdeable
    record Enrolment(String secret, String otpauthUri) {
    }

    /** 200 with the new authenticator's secret; MFA is on only once {@code /verify} accepts a code from it. */
    @Post
    Enrolment enrol(@Body @Valid EnrolRequest enrol, Authentication caller) {
        MfaSettings.Enrolment enrolment = mfa.startEnrolment(new CallerClaims(caller).username(), enrol.accessToken());
        return new Enrolment(enrolment.secret(), enrolment.otpauthUri());
    }

    /** 204: MFA is on; 422 for a wrong code. */
    @Post("/verify")
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> verify(@Body @Valid EnableRequest enable, Authentication caller, HttpRequest<?> request) {
        mfa.enable(new CallerClaims(caller).username(), enable.accessToken(), enable.code(), ClientAddresses.of(request));
        return HttpResponse.noContent();
    }

    /** 204: MFA is off; 422 for a wrong password or code, 409 where MFA is required or off already. */
    @Post("/disable")
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> disable(@Body @Valid DisableRequest disable, Authentication caller, HttpRequest<?> request) {
        mfa.disable(new CallerClaims(caller).username(), disable.password(), disable.code(), ClientAddresses.of(request));
        return HttpResponse.noContent();
    }
}
