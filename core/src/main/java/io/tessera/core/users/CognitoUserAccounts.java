package io.tessera.core.users;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.TooManyRequestsException;
import io.tessera.core.problems.UnauthorizedException;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link UserAccounts} in the Cognito user pool, through its admin API (AdminCreateUser,
 * AdminSetUserPassword, AdminAddUserToGroup, ...). {@code custom:tenantId} is set once at creation
 * and the pool makes it immutable. Sign-up, its confirmation and password resets go through the
 * app client's public API (SignUp, ConfirmSignUp, ForgotPassword, ...), as a client would call it.
 * <p>
 * Codes: Cognito emails them; the local emulator, which sends no mail, also returns each code in a
 * response header ({@code x-moto-...-confirmation-code}), returned where these methods say so.
 */
@Singleton
class CognitoUserAccounts implements UserAccounts {

    private static final String SIGN_UP_CODE_HEADER = "x-moto-sign-up-confirmation-code";
    private static final String RESET_CODE_HEADER = "x-moto-forgot-password-confirmation-code";
    /** Cognito does not say when its attempt limits lift; clients are told to wait a quarter of an hour. */
    private static final Duration COGNITO_ATTEMPT_LIMIT = Duration.ofMinutes(15);

    private final CognitoIdentityProviderClient cognito;
    private final UserPoolConfiguration configuration;

    CognitoUserAccounts(CognitoIdentityProviderClient cognito, UserPoolConfiguration configuration) {
        this.cognito = cognito;
        this.configuration = configuration;
    }

    @Override
    public String create(String username, String tenantId, Role role, @Nullable String permanentPassword,
                         @Nullable String temporaryPassword, boolean sendInvitation) {
        AdminCreateUserResponse created = call(() -> cognito.adminCreateUser(request -> {
            request.userPoolId(configuration.getUserPoolId())
                    .username(username)
                    .userAttributes(
                            AttributeType.builder().name("email").value(username).build(),
                            AttributeType.builder().name("email_verified").value("true").build(),
                            AttributeType.builder().name("custom:" + TesseraResources.TENANT_ID_ATTRIBUTE).value(tenantId).build())
                    .temporaryPassword(temporaryPassword);
            if (!sendInvitation) {
                request.messageAction(MessageActionType.SUPPRESS);
            }
        }));
        try {
            if (permanentPassword != null) {
                call(() -> cognito.adminSetUserPassword(request -> request
                        .userPoolId(configuration.getUserPoolId()).username(username).password(permanentPassword).permanent(true)));
            }
            addToGroup(username, role);
        } catch (RuntimeException e) {
            delete(username);
            throw e;
        }
        return created.user().attributes().stream()
                .filter(attribute -> attribute.name().equals("sub"))
                .map(AttributeType::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Cognito returned a user without sub"));
    }

    @Override
    public void changeRole(String username, Role from, Role to) {
        addToGroup(username, to);
        call(() -> cognito.adminRemoveUserFromGroup(request -> request
                .userPoolId(configuration.getUserPoolId()).username(username).groupName(from.group())));
    }

    @Override
    public void setEnabled(String username, boolean enabled) {
        if (enabled) {
            call(() -> cognito.adminEnableUser(request -> request.userPoolId(configuration.getUserPoolId()).username(username)));
        } else {
            call(() -> cognito.adminDisableUser(request -> request.userPoolId(configuration.getUserPoolId()).username(username)));
            call(() -> cognito.adminUserGlobalSignOut(request -> request.userPoolId(configuration.getUserPoolId()).username(username)));
        }
    }

    /** Cognito's AdminUserGlobalSignOut: revokes every refresh token (and access token) of the account. */
    @Override
    public void signOutEverywhere(String username) {
        call(() -> cognito.adminUserGlobalSignOut(request -> request.userPoolId(configuration.getUserPoolId()).username(username)));
    }

    /** Signs the user out everywhere first, so that no refresh token of the account outlives it. */
    @Override
    public void delete(String username) {
        try {
            cognito.adminUserGlobalSignOut(request -> request.userPoolId(configuration.getUserPoolId()).username(username));
            cognito.adminDeleteUser(request -> request.userPoolId(configuration.getUserPoolId()).username(username));
        } catch (UserNotFoundException e) {
            // already gone: the goal is reached
        }
    }

    @Override
    public Optional<Account> find(String username) {
        AdminGetUserResponse user;
        try {
            user = cognito.adminGetUser(request -> request.userPoolId(configuration.getUserPoolId()).username(username));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(new Account(attribute(user.userAttributes(), "sub").orElseThrow(), user.username(),
                attribute(user.userAttributes(), "custom:" + TesseraResources.TENANT_ID_ATTRIBUTE).orElse(null),
                user.userStatus() != UserStatusType.UNCONFIRMED,
                user.userMFASettingList() != null && user.userMFASettingList().contains("SOFTWARE_TOKEN_MFA"),
                user.userCreateDate()));
    }

    @Override
    public SignedUp signUp(String username, String tenantId, Role role, String password) {
        SignUpResponse signedUp = call(() -> cognito.signUp(request -> request
                .clientId(configuration.getClientId())
                .username(username)
                .password(password)
                .userAttributes(
                        AttributeType.builder().name("email").value(username).build(),
                        AttributeType.builder().name("custom:" + TesseraResources.TENANT_ID_ATTRIBUTE).value(tenantId).build())));
        try {
            addToGroup(username, role);
        } catch (RuntimeException e) {
            delete(username);
            throw e;
        }
        return new SignedUp(signedUp.userSub(), codeIn(signedUp, SIGN_UP_CODE_HEADER));
    }

    @Override
    public Optional<String> resendConfirmationCode(String username) {
        try {
            return codeIn(code(() -> cognito.resendConfirmationCode(request -> request
                    .clientId(configuration.getClientId()).username(username))), SIGN_UP_CODE_HEADER);
        } catch (UnprocessableException | TooManyRequestsException e) {
            // No such account, a confirmed one, or Cognito's limit for the account: the answer must not tell.
            return Optional.empty();
        }
    }

    @Override
    public void confirmSignUp(String username, String code) {
        code(() -> cognito.confirmSignUp(request -> request.clientId(configuration.getClientId()).username(username).confirmationCode(code)));
    }

    @Override
    public List<String> unconfirmedBefore(Instant cutoff, int limit) {
        return cognito.listUsersPaginator(request -> request
                        .userPoolId(configuration.getUserPoolId())
                        .filter("cognito:user_status = \"UNCONFIRMED\""))
                .users().stream()
                .filter(user -> user.userCreateDate().isBefore(cutoff))
                .limit(limit)
                .map(UserType::username)
                .toList();
    }

    @Override
    public String associateTotp(String accessToken, String username) {
        ensureIssuedTo(accessToken, username);
        try {
            return cognito.associateSoftwareToken(request -> request.accessToken(accessToken)).secretCode();
        } catch (NotAuthorizedException e) {
            throw new UnauthorizedException("The access token was not accepted; sign in again.");
        }
    }

    @Override
    public void enableTotp(String accessToken, String username, String code) {
        ensureIssuedTo(accessToken, username);
        try {
            cognito.verifySoftwareToken(request -> request.accessToken(accessToken).userCode(code).friendlyDeviceName("Authenticator app"));
            cognito.setUserMFAPreference(request -> request.accessToken(accessToken)
                    .softwareTokenMfaSettings(totp -> totp.enabled(true).preferredMfa(true)));
        } catch (CodeMismatchException | EnableSoftwareTokenMfaException | SoftwareTokenMfaNotFoundException | InvalidParameterException e) {
            throw new UnprocessableException("The code is not valid; enter the current code of the app you just set up.");
        } catch (NotAuthorizedException e) {
            throw new UnauthorizedException("The access token was not accepted; sign in again.");
        }
    }

    @Override
    public void disableTotp(String username, String password, String code) {
        var signIn = proof(() -> cognito.initiateAuth(request -> request.clientId(configuration.getClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", username, "PASSWORD", password))));
        if (signIn.challengeName() != ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            if (signIn.authenticationResult() != null) {
                revoke(signIn.authenticationResult());
            }
            throw new ConflictException("MFA is not on for this account.");
        }
        AuthenticationResultType proved = proof(() -> cognito.respondToAuthChallenge(request -> request
                .clientId(configuration.getClientId())
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(signIn.session())
                .challengeResponses(Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", code)))).authenticationResult();
        try {
            cognito.setUserMFAPreference(request -> request.accessToken(proved.accessToken())
                    .softwareTokenMfaSettings(totp -> totp.enabled(false).preferredMfa(false)));
        } finally {
            revoke(proved);
        }
    }

    private static <T> T proof(Supplier<T> signInStep) {
        try {
            return code(signInStep);
        } catch (UnprocessableException e) {
            throw new UnprocessableException("The password or the code is not valid.");
        }
    }

    /** The tokens of a sign-in made only to prove the password and code go nowhere; their refresh token is revoked. */
    private void revoke(AuthenticationResultType tokens) {
        cognito.revokeToken(request -> request.clientId(configuration.getClientId()).token(tokens.refreshToken()));
    }

    /** Whose the access token is, Cognito says (GetUser): it must be the caller's own. */
    private void ensureIssuedTo(String accessToken, String username) {
        String owner;
        try {
            owner = cognito.getUser(request -> request.accessToken(accessToken)).username();
        } catch (NotAuthorizedException e) {
            throw new UnauthorizedException("The access token was not accepted; sign in again.");
        }
        if (!owner.equals(username)) {
            throw new ForbiddenException("The access token belongs to another account.");
        }
    }

    @Override
    public Optional<String> forgotPassword(String username) {
        try {
            return codeIn(code(() -> cognito.forgotPassword(request -> request
                    .clientId(configuration.getClientId()).username(username))), RESET_CODE_HEADER);
        } catch (BadRequestException | UnprocessableException | TooManyRequestsException e) {
            // No account, none that can receive a code, or Cognito's limit for the account: the answer must not tell.
            return Optional.empty();
        }
    }

    @Override
    public void resetPassword(String username, String code, String newPassword) {
        code(() -> cognito.confirmForgotPassword(request -> request
                .clientId(configuration.getClientId()).username(username).confirmationCode(code).password(newPassword)));
    }

    private static Optional<String> codeIn(SdkResponse response, String codeHeader) {
        return response.sdkHttpResponse().firstMatchingHeader(codeHeader);
    }

    /** A call with a code: wrong, expired and used codes, and accounts that have no such code, all fail alike. */
    private static <T> T code(Supplier<T> cognitoCall) {
        try {
            return call(cognitoCall);
        } catch (CodeMismatchException | UserNotFoundException | NotAuthorizedException e) {
            throw new UnprocessableException("The code is not valid.");
        } catch (ExpiredCodeException e) {
            throw new UnprocessableException("The code is not valid any more (expired or already used); ask for a new one.");
        } catch (LimitExceededException | TooManyFailedAttemptsException e) {
            throw new TooManyRequestsException("Too many attempts for this account; try again later.", COGNITO_ATTEMPT_LIMIT);
        }
    }

    private static Optional<String> attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(attribute -> attribute.name().equals(name)).map(AttributeType::value).findFirst();
    }

    private void addToGroup(String username, Role role) {
        call(() -> cognito.adminAddUserToGroup(request -> request
                .userPoolId(configuration.getUserPoolId()).username(username).groupName(role.group())));
    }

    private static <T> T call(Supplier<T> cognitoCall) {
        try {
            return cognitoCall.get();
        } catch (UsernameExistsException e) {
            throw new ConflictException("An account with this email already exists.");
        } catch (InvalidPasswordException e) {
            throw new BadRequestException("The password does not meet the policy: " + PasswordPolicy.DESCRIPTION + ".");
        } catch (InvalidParameterException e) {
            throw new BadRequestException("Cognito refused the request: " + e.awsErrorDetails().errorMessage());
        }
    }
}
