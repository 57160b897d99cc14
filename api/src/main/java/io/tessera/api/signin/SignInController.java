package io.tessera.api.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.text.TextLength;
import io.tessera.api.text.Visible;
import io.tessera.auth.CognitoSignIn;
import io.tessera.core.users.PasswordPolicy;
import io.tessera.core.problems.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** Login, refresh and the sign-in challenges (first-login password, MFA code) for clients that have no Cognito SDK. */
@Controller("/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
class SignInController {

    private final CognitoSignIn signIn;

    SignInController(CognitoSignIn signIn) {
        this.signIn = signIn;
    }

    @Serdeable
    record LoginRequest(@Visible @TextLength(max = 128) String username,
                        @Visible @TextLength(max = 256) String password) {
    }

    @Serdeable
    record RefreshRequest(@Visible @TextLength(max = 8192) String refreshToken) {
    }

    /** {@code newPassword} answers NEW_PASSWORD_REQUIRED, {@code code} SOFTWARE_TOKEN_MFA: exactly one is given. */
    @Serdeable
    record ChallengeAnswer(@Visible @TextLength(max = 128) String username,
                           @Visible @TextLength(max = 4096) String session,
                           @Nullable @TextLength(min = PasswordPolicy.MIN_LENGTH, max = 256)
                           @Pattern(regexp = PasswordPolicy.PATTERN, message = PasswordPolicy.PATTERN_MESSAGE) String newPassword,
                           @Nullable @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits the authenticator app shows") String code) {
    }

    @Serdeable
    record Tokens(String idToken, String accessToken, @Nullable String refreshToken, int expiresIn, String tokenType) {

        static Tokens of(CognitoSignIn.Tokens tokens) {
            return new Tokens(tokens.idToken(), tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer");
        }
    }

    /** A challenge to answer before tokens are issued; {@code session} goes back with the answer. */
    @Serdeable
    record Challenge(String name, String session) {
    }

    /** Exactly one of {@code tokens} and {@code challenge} is present. */
    @Serdeable
    record LoginResponse(@Nullable Tokens tokens, @Nullable Challenge challenge) {
    }

    @Post("/login")
    LoginResponse login(@Body @Valid LoginRequest request) {
        CognitoSignIn.Outcome outcome = signIn.login(request.username(), request.password());
        return outcome.tokens() != null
                ? new LoginResponse(Tokens.of(outcome.tokens()), null)
                : new LoginResponse(null, new Challenge(outcome.challenge().name(), outcome.challenge().session()));
    }

    /**
     * Answers the NEW_PASSWORD_REQUIRED challenge an invited user gets at first login, or the
     * SOFTWARE_TOKEN_MFA challenge of a user with MFA.
     */
    @Post("/challenge")
    Tokens answerChallenge(@Body @Valid ChallengeAnswer answer, HttpRequest<?> request) {
        if ((answer.newPassword() == null) == (answer.code() == null)) {
            throw new BadRequestException("Give either newPassword (NEW_PASSWORD_REQUIRED) or code (SOFTWARE_TOKEN_MFA).");
        }
        return Tokens.of(answer.code() != null
                ? signIn.completeMfa(answer.username(), answer.session(), answer.code(), ClientAddresses.of(request))
                : signIn.completeNewPassword(answer.username(), answer.session(), answer.newPassword()));
    }

    @Post("/refresh")
    Tokens refresh(@Body @Valid RefreshRequest request) {
        return Tokens.of(signIn.refresh(request.refreshToken()));
    }
}
