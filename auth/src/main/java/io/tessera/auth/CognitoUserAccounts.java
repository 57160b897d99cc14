package io.tessera.auth;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.resources.TesseraResources;
import io.tessera.core.users.Role;
import io.tessera.core.users.UserAccounts;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

import java.util.function.Supplier;

/**
 * {@link UserAccounts} in the Cognito user pool, through its admin API (AdminCreateUser,
 * AdminSetUserPassword, AdminAddUserToGroup, ...). {@code custom:tenantId} is set once at creation
 * and the pool makes it immutable.
 */
@Singleton
class CognitoUserAccounts implements UserAccounts {

    private final CognitoIdentityProviderClient cognito;
    private final CognitoConfiguration configuration;

    CognitoUserAccounts(CognitoIdentityProviderClient cognito, CognitoConfiguration configuration) {
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
