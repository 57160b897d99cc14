package io.tessera.infra.local;

import io.tessera.core.resources.TesseraResources;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * The user pool with the immutable {@code custom:tenantId} attribute and the role groups, and a
 * public app client for username/password sign-in and refresh. The client may read the tenant
 * attribute but never write it: a user must not be able to move themselves to another tenant.
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
                .adminCreateUserConfig(config -> config.allowAdminCreateUserOnly(true))
                // Emails are case-insensitive everywhere; the emulator stores this but does not apply it.
                .usernameConfiguration(config -> config.caseSensitive(false)))
                .userPool().id();
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
                .writeAttributes("email")
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
                .userPoolClient().clientId();
    }
}
