package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserInvitationConfig;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.amazon.awscdk.services.cognito.UserVerificationConfig;
import software.amazon.awscdk.services.cognito.VerificationEmailStyle;
import software.constructs.Construct;

import java.util.Map;

/**
 * The user pool, its role groups and the public app client, with the same settings the local
 * provisioner gives the emulator.
 * <ul>
 *   <li>Sign-up (Cognito SignUp, which the API calls for a new tenant's first admin) is confirmed by a
 *       code emailed to the address ({@code autoVerify}); the account cannot sign in before. The
 *       client may write {@code custom:tenantId} only there, since an immutable attribute is set at
 *       creation or never: an account that signs up straight at Cognito naming some tenant gets no
 *       role group and no place in that tenant's directory, so Tessera refuses its tokens, and the
 *       cleanup removes it if it stays unconfirmed. No user can change the attribute afterwards.</li>
 *   <li>Forgotten passwords are reset by an emailed code; TOTP MFA is optional per user (tenants
 *       and platform admins require it through Tessera's access checks).</li>
 * </ul>
 */
final class Identity extends Construct {

    private final UserPool userPool;
    private final UserPoolClient appClient;

    Identity(Construct scope, String id) {
        super(scope, id);
        userPool = UserPool.Builder.create(this, "UserPool")
                .userPoolName(TesseraResources.USER_POOL)
                .selfSignUpEnabled(true)
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .userVerification(UserVerificationConfig.builder()
                        .emailSubject("Confirm your Tessera signup")
                        .emailBody("Your Tessera confirmation code is {####}. It is valid for 24 hours.")
                        .emailStyle(VerificationEmailStyle.CODE)
                        .build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
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
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).build())
                        .withCustomAttributes(TesseraResources.TENANT_ID_ATTRIBUTE))
                .build());
    }

    UserPool userPool() {
        return userPool;
    }

    UserPoolClient appClient() {
        return appClient;
    }
}
