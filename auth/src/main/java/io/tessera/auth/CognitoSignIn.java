package io.tessera.auth;

import com.nimbusds.jwt.JWTParser;
import io.micronaut.core.annotation.Nullable;
import io.tessera.core.access.CodeAttempts;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.UnauthorizedException;
import io.tessera.core.secrets.Seals;
import io.tessera.core.users.PasswordPolicy;
import io.tessera.core.users.Usernames;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sign-in for clients without an AWS SDK: a thin proxy to the user pool's public auth API. Wrong
 * credentials and unknown users fail the same way, so the endpoint cannot be used to find out
 * which usernames exist. Usernames are email addresses, which ignore case: they are
 * stored lower-cased and looked up lower-cased ({@link Usernames}).
 * <p>
 * A challenge's session goes to the client sealed ({@link Seals}) to the username and challenge it
 * was issued for, and an answer is passed on to Cognito only with the username it was sealed to:
 * the emulator's RespondToAuthChallenge does not check that the session belongs to the username
 * sent with it, so an unsealed session of one's own account could set another account's password.
 * Refresh tokens go out sealed with the {@code sub} of the account they were issued to, and a
 * refresh whose tokens name another account is refused: the emulator finds a refresh token's user
 * by username, so a deleted account's token would sign in as whoever gets the email next.
 */
@Singleton
public class CognitoSignIn {

    private static final String CHALLENGE_SEAL = "cognito-challenge-session";
    private static final String REFRESH_SEAL = "cognito-refresh-token";
    /** The app client's AuthSessionValidity in the CDK stack; the seal enforces it where the emulator does not. */
    static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(3);
    private static final String MFA_STEP = "mfa-sign-in";

    private final CognitoIdentityProviderClient cognito;
    private final CognitoConfiguration configuration;
    private final Seals seals;
    private final CodeAttempts attempts;
    private final Clock clock;

    CognitoSignIn(CognitoIdentityProviderClient cognito, CognitoConfiguration configuration, Seals seals, CodeAttempts attempts,
                  Clock clock) {
        this.cognito = cognito;
        this.configuration = configuration;
        this.seals = seals;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * Tokens issued by Cognito. {@code refreshToken} is absent when they come from a refresh; it is
     * sealed with the account's {@code sub}, for {@link #refresh} only.
     */
    public record Tokens(String idToken, String accessToken, @Nullable String refreshToken, int expiresIn) {
    }

    /**
     * Cognito wants more before it issues tokens, e.g. a new password for an invited user.
     *
     * @param session Cognito's session, sealed to the username and the challenge
     */
    public record Challenge(String name, String session) {
    }

    /** Exactly one of the two is set. */
    public record Outcome(@Nullable Tokens tokens, @Nullable Challenge challenge) {
    }

    public Outcome login(String username, String password) {
        String user = Usernames.of(username);
        return signIn(() -> {
            var response = cognito.initiateAuth(request -> request
                    .clientId(configuration.getClientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", user, "PASSWORD", password)));
            if (response.challengeName() == null) {
                return new Outcome(issued(response.authenticationResult()), null);
            }
            String challenge = response.challengeNameAsString();
            String until = Long.toString(clock.instant().plus(CHALLENGE_VALIDITY).getEpochSecond());
            return new Outcome(null, new Challenge(challenge,
                    seals.seal(CHALLENGE_SEAL, sealContext(user, challenge), until + " " + response.session())));
        });
    }

    /**
     * New ID and access tokens for a refresh token that {@link #login} handed out; 401 for any
     * other token, a revoked one, or one whose account is gone.
     */
    public Tokens refresh(String sealedRefreshToken) {
        String[] subAndToken = seals.open(REFRESH_SEAL, "", sealedRefreshToken)
                .map(value -> value.split(" ", 2))
                .filter(parts -> parts.length == 2)
                .orElseThrow(() -> new UnauthorizedException("The credentials were not accepted."));
        Tokens tokens = signIn(() -> tokens(cognito.initiateAuth(request -> request
                .clientId(configuration.getClientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", subAndToken[1]))).authenticationResult(), null));
        if (!subAndToken[0].equals(subjectOf(tokens.idToken()))) {
            throw new UnauthorizedException("The credentials were not accepted.");
        }
        return tokens;
    }

    /**
     * Answers the NEW_PASSWORD_REQUIRED challenge that an invited user meets at first login. A
     * session Cognito does not know (made up, expired, or already used) fails like wrong
     * credentials; the emulator reports it as an unknown resource, AWS as not authorized.
     */
    public Tokens completeNewPassword(String username, String sealedSession, String newPassword) {
        try {
            return answer(username, sealedSession, ChallengeNameType.NEW_PASSWORD_REQUIRED, "NEW_PASSWORD", newPassword);
        } catch (InvalidPasswordException e) {
            throw new BadRequestException("The new password does not meet the policy: " + PasswordPolicy.DESCRIPTION + ".");
        }
    }

    /**
     * Answers the SOFTWARE_TOKEN_MFA challenge of a user with TOTP MFA. A wrong code is 401 and
     * ends the session (sign in again); wrong codes are limited per account and client address
     * ({@link CodeAttempts}: 429).
     *
     * @param clientAddress the caller's IP address, for the attempt limits
     */
    public Tokens completeMfa(String username, String sealedSession, String code, String clientAddress) {
        Tokens[] tokens = new Tokens[1];
        attempts.check(MFA_STEP, Usernames.of(username), clientAddress, () -> attempts.checkOnce(MFA_STEP, sealedSession, () ->
                tokens[0] = answer(username, sealedSession, ChallengeNameType.SOFTWARE_TOKEN_MFA, "SOFTWARE_TOKEN_MFA_CODE", code)));
        return tokens[0];
    }

    private Tokens answer(String username, String sealedSession, ChallengeNameType challenge, String responseName, String response) {
        String user = Usernames.of(username);
        String session = openSession(user, challenge.toString(), sealedSession)
                .orElseThrow(() -> new UnauthorizedException("The session is not valid any more; sign in again."));
        try {
            return signIn(() -> issued(cognito.respondToAuthChallenge(request -> request
                    .clientId(configuration.getClientId())
                    .challengeName(challenge)
                    .session(session)
                    .challengeResponses(Map.of("USERNAME", user, responseName, response))).authenticationResult()));
        } catch (ResourceNotFoundException | ExpiredCodeException e) {
            throw new UnauthorizedException("The session is not valid any more; sign in again.");
        } catch (CodeMismatchException e) {
            throw new UnauthorizedException("The code was not accepted; sign in again.");
        }
    }

    /** Cognito's session, if {@code sealed} was sealed to this user and challenge and is still valid. */
    private Optional<String> openSession(String username, String challenge, String sealed) {
        return seals.open(CHALLENGE_SEAL, sealContext(username, challenge), sealed)
                .map(value -> value.split(" ", 2))
                .filter(parts -> Instant.ofEpochSecond(Long.parseLong(parts[0])).isAfter(clock.instant()))
                .map(parts -> parts[1]);
    }

    private static String sealContext(String username, String challenge) {
        return username + "\n" + challenge;
    }

    /** Tokens of a sign-in, the refresh token sealed with the {@code sub} of the account it belongs to. */
    private Tokens issued(AuthenticationResultType result) {
        return tokens(result, result.refreshToken() == null ? null
                : seals.seal(REFRESH_SEAL, "", subjectOf(result.idToken()) + " " + result.refreshToken()));
    }

    private static Tokens tokens(AuthenticationResultType result, @Nullable String refreshToken) {
        return new Tokens(result.idToken(), result.accessToken(), refreshToken, result.expiresIn());
    }

    /** The {@code sub} of an ID token Cognito has just issued to us (its signature needs no check here). */
    private static String subjectOf(String idToken) {
        try {
            return JWTParser.parse(idToken).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalStateException("Cognito issued an ID token that is not a JWT", e);
        }
    }

    /** Cognito says an account is unconfirmed only after the password was right, so saying so tells nothing new. */
    private static <T> T signIn(Supplier<T> call) {
        try {
            return call.get();
        } catch (NotAuthorizedException | UserNotFoundException e) {
            throw new UnauthorizedException("The credentials were not accepted.");
        } catch (UserNotConfirmedException e) {
            throw new ForbiddenException("The account is not confirmed yet: confirm the emailed code at POST /auth/confirm.");
        }
    }
}
