package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserInvitationConfig;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.constructs.Construct;

import java.util.Map;

/**
 * The user pool, its role groups and the public app client, with the same settings the local
 * provisioner gives the emulator. Accounts are only ever created by the API (tenant signup and
 * invitations), so self sign-up is off; {@code custom:tenantId} is immutable and the client may
 * read it but never write it, so no user can move to another tenant.
 */
final class Identity extends Construct {

    private final UserPool userPool;
    private final UserPoolClient appClient;

    Identity(Construct scope, String id) {
        super(scope, id);
        userPool = UserPool.Builder.create(this, "UserPool")
                .userPoolName(TesseraResources.USER_POOL)
                .selfSignUpEnabled(false)
                // Usernames are the users' email addresses, as locally, and like emails ignore case.
                .signInAliases(SignInAliases.builder().username(true).build())
                .signInCaseSensitive(false)
                .customAttributes(Map.of(TesseraResources.TENANT_ID_ATTRIBUTE,
                        StringAttribute.Builder.create().minLen(1).maxLen(64).mutable(false).build()))
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(false)
                        .tempPasswordValidity(Duration.days(7))
                        .build())
                .userInvitation(UserInvitationConfig.builder()
                        .emailSubject("Your Tessera account")
                        .emailBody("You were invited to Tessera. Sign in as {username} with the temporary password {####}.")
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        TesseraResources.GROUPS.forEach(group -> UserPoolGroup.Builder.create(this, "Group-" + group)
                .userPool(userPool)
                .groupName(group)
                .build());

        appClient = userPool.addClient("AppClient", UserPoolClientOptions.builder()
                .userPoolClientName(TesseraResources.USER_POOL_CLIENT)
                .generateSecret(false)
                // Refresh-token sign-in is always allowed alongside these.
                .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
                .disableOAuth(true)
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .idTokenValidity(Duration.hours(1))
                .accessTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30))
                .authSessionValidity(Duration.minutes(3))
                .readAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).emailVerified(true).build())
                        .withCustomAttributes(TesseraResources.TENANT_ID_ATTRIBUTE))
                .writeAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).build()))
                .build());
    }

    UserPool userPool() {
        return userPool;
    }

    UserPoolClient appClient() {
        return appClient;
    }
}
