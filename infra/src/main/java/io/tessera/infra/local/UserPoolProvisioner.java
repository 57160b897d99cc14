package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The user pool with the immutable {@code custom:tenantId} attribute and the role groups, and a
 * public app client for username/password sign-in and refresh, with the settings of the CDK app's
 * {@code Identity} (see there why the client may write the tenant attribute at sign-up): sign-up
 * confirmed by an emailed code, reset by email, optional TOTP MFA.
 */
final class UserPoolProvisioner {

    record UserPool(String userPoolId, String clientId) {
    }

    private final CognitoIdentityProviderClient cognito;

    UserPoolProvisioner(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    UserPool provision() {
        String userPoolId = cognito.listUserPoolsPaginator(request -> request.maxResults(60)).userPools().stream()
                .filter(pool -> pool.name().equals(TesseraResources.USER_POOL))
                .map(UserPoolDescriptionType::id)
                .findFirst()
                .orElseGet(this::createUserPool);
        TesseraResources.GROUPS.forEach(group -> ensureGroup(userPoolId, group));
        String clientId = cognito.listUserPoolClientsPaginator(request -> request.userPoolId(userPoolId).maxResults(60))
                .userPoolClients().stream()
                .filter(client -> client.clientName().equals(TesseraResources.USER_POOL_CLIENT))
                .map(UserPoolClientDescription::clientId)
                .findFirst()
                .orElseGet(() -> createClient(userPoolId));
        return new UserPool(userPoolId, clientId);
    }

    private String createUserPool() {
        String id = cognito.createUserPool(request -> request
                .poolName(TesseraResources.USER_POOL)
                .schema(SchemaAttributeType.builder()
                        .name(TesseraResources.TENANT_ID_ATTRIBUTE)
                        .attributeDataType(AttributeDataType.STRING)
                        .mutable(false)
                        .stringAttributeConstraints(constraints -> constraints.minLength("1").maxLength("64"))
                        .build())
                .policies(policies -> policies.passwordPolicy(password -> password
                        .minimumLength(12)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireNumbers(true)
                        .requireSymbols(false)
                        .temporaryPasswordValidityDays(7)))
                .adminCreateUserConfig(config -> config.allowAdminCreateUserOnly(false))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .accountRecoverySetting(recovery -> recovery.recoveryMechanisms(RecoveryOptionType.builder()
                        .name(RecoveryOptionNameType.VERIFIED_EMAIL).priority(1).build()))
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                // Emails are case-insensitive everywhere; the emulator stores this but does not apply it.
                .usernameConfiguration(config -> config.caseSensitive(false)))
                .userPool().id();
        cognito.setUserPoolMfaConfig(request -> request.userPoolId(id)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(totp -> totp.enabled(true)));
        System.out.println("created user pool " + id);
        return id;
    }

    private void ensureGroup(String userPoolId, String group) {
        try {
            cognito.getGroup(request -> request.userPoolId(userPoolId).groupName(group));
        } catch (ResourceNotFoundException e) {
            cognito.createGroup(request -> request.userPoolId(userPoolId).groupName(group));
        }
    }

    private String createClient(String userPoolId) {
        return cognito.createUserPoolClient(request -> request
                .userPoolId(userPoolId)
                .clientName(TesseraResources.USER_POOL_CLIENT)
                .generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .readAttributes("email", "email_verified", "custom:" + TesseraResources.TENANT_ID_ATTRIBUTE)
                .writeAttributes("email", "custom:" + TesseraResources.TENANT_ID_ATTRIBUTE)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
                .userPoolClient().clientId();
    }
}
