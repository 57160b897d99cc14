package io.tessera.auth;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.UnauthorizedException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Sign-in for clients without an AWS SDK: a thin proxy to the user pool's public auth API. Wrong
 * credentials and unknown users fail the same way, so the endpoint cannot be used to find out
 * which usernames exist. Usernames are email addresses, which ignore case (SPEC §4): they are
 * stored lower-cased and looked up lower-cased ({@link Usernames}).
 */
@Singleton
public class CognitoSignIn {

    private final CognitoIdentityProviderClient cognito;
    private final CognitoConfiguration configuration;

    CognitoSignIn(CognitoIdentityProviderClient cognito, CognitoConfiguration configuration) {
        this.cognito = cognito;
        this.configuration = configuration;
    }

    /** Tokens issued by Cognito; {@code refreshToken} is absent when they come from a refresh. */
    public record Tokens(String idToken, String accessToken, @Nullable String refreshToken, int expiresIn) {
    }

    /** Cognito wants more before it issues tokens, e.g. a new password for an invited user. */
    public record Challenge(String name, String session) {
    }

    /** Exactly one of the two is set. */
    public record Outcome(@Nullable Tokens tokens, @Nullable Challenge challenge) {
    }

    public Outcome login(String username, String password) {
        return signIn(() -> {
            var response = cognito.initiateAuth(request -> request
                    .clientId(configuration.getClientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", Usernames.of(username), "PASSWORD", password)));
            return response.challengeName() == null
                    ? new Outcome(tokens(response.authenticationResult()), null)
                    : new Outcome(null, new Challenge(response.challengeNameAsString(), response.session()));
        });
    }

    public Tokens refresh(String refreshToken) {
        return signIn(() -> tokens(cognito.initiateAuth(request -> request
                .clientId(configuration.getClientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult()));
    }

    /**
     * Answers the NEW_PASSWORD_REQUIRED challenge that an invited user meets at first login. A
     * session Cognito does not know (made up, expired, or already used) fails like wrong
     * credentials; the emulator reports it as an unknown resource, AWS as not authorized.
     */
    public Tokens completeNewPassword(String username, String session, String newPassword) {
        try {
            return signIn(() -> tokens(cognito.respondToAuthChallenge(request -> request
                    .clientId(configuration.getClientId())
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                    .session(session)
                    .challengeResponses(Map.of("USERNAME", Usernames.of(username), "NEW_PASSWORD", newPassword))).authenticationResult()));
        } catch (ResourceNotFoundException | ExpiredCodeException | CodeMismatchException e) {
            throw new UnauthorizedException("The session is not valid any more; sign in again.");
        } catch (InvalidPasswordException e) {
            throw new BadRequestException("The new password does not meet the policy: " + PasswordPolicy.DESCRIPTION + ".");
        }
    }

    private static Tokens tokens(AuthenticationResultType result) {
        return new Tokens(result.idToken(), result.accessToken(), result.refreshToken(), result.expiresIn());
    }

    private static <T> T signIn(Supplier<T> call) {
        try {
            return call.get();
        } catch (NotAuthorizedException | UserNotFoundException e) {
            throw new UnauthorizedException("The credentials were not accepted.");
        }
    }
}
