package io.tessera.infra.cdk;

import io.tessera.core.resources.IdentityPoolResources;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cognito.CfnIdentityPool;
import software.amazon.awscdk.services.cognito.CfnIdentityPoolPrincipalTag;
import software.amazon.awscdk.services.cognito.CfnIdentityPoolRoleAttachment;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The identity pool of {@link IdentityPoolResources}, with the settings the local provisioner gives
 * the emulator: it trusts the user pool's app client (server-side token check), maps the ID token's
 * {@code custom:tenantId} and {@code sub} to principal tags, and gives tenant admins and members
 * (by {@code cognito:groups}) a role that may put and get objects only under
 * {@code tenants/${aws:PrincipalTag/tenantId}/direct/${aws:PrincipalTag/userId}/} of the uploads
 * bucket; other tokens get no role (Amazon Cognito Developer Guide, "Role-based access control"
 * and "Using attributes for access control").
 */
final class TenantFileCredentials extends Construct {

    private final CfnIdentityPool identityPool;
    private final Role role;

    TenantFileCredentials(Construct scope, String id, Identity identity, IBucket uploads) {
        super(scope, id);
        String provider = identity.userPool().getUserPoolProviderName();
        String clientId = identity.appClient().getUserPoolClientId();
        identityPool = CfnIdentityPool.Builder.create(this, "IdentityPool")
                .identityPoolName(IdentityPoolResources.IDENTITY_POOL)
                .allowUnauthenticatedIdentities(false)
                .allowClassicFlow(false)
                .cognitoIdentityProviders(List.of(CfnIdentityPool.CognitoIdentityProviderProperty.builder()
                        .providerName(provider).clientId(clientId).serverSideTokenCheck(true).build()))
                .build();

        CfnIdentityPoolPrincipalTag.Builder.create(this, "PrincipalTags")
                .identityPoolId(identityPool.getRef())
                .identityProviderName(provider)
                .useDefaults(false)
                .principalTags(IdentityPoolResources.PRINCIPAL_TAGS)
                .build();

        // Only this pool's authenticated identities, with the principal tags as session tags.
        role = Role.Builder.create(this, "Role")
                .roleName(IdentityPoolResources.ROLE_NAME)
                .description("Tenant users' direct access to their own folder of the uploads bucket")
                .maxSessionDuration(Duration.hours(1))
                .assumedBy(new FederatedPrincipal("cognito-identity.amazonaws.com", Map.of(
                        "StringEquals", Map.of("cognito-identity.amazonaws.com:aud", identityPool.getRef()),
                        "ForAnyValue:StringLike", Map.of("cognito-identity.amazonaws.com:amr", "authenticated")),
                        "sts:AssumeRoleWithWebIdentity").withSessionTags())
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(IdentityPoolResources.OBJECT_ACTIONS)
                .resources(List.of(uploads.arnForObjects(IdentityPoolResources.OBJECT_KEY_PATTERN)))
                .build());

        CfnIdentityPoolRoleAttachment.Builder.create(this, "Roles")
                .identityPoolId(identityPool.getRef())
                .roles(Map.of("authenticated", role.getRoleArn()))
                .roleMappings(Map.of("userPool", CfnIdentityPoolRoleAttachment.RoleMappingProperty.builder()
                        .identityProvider(provider + ":" + clientId)
                        .type("Rules")
                        .ambiguousRoleResolution("Deny")
                        .rulesConfiguration(CfnIdentityPoolRoleAttachment.RulesConfigurationTypeProperty.builder()
                                .rules(IdentityPoolResources.GROUPS_WITH_CREDENTIALS.stream()
                                        .map(group -> (Object) CfnIdentityPoolRoleAttachment.MappingRuleProperty.builder()
                                                .claim("cognito:groups").matchType("Contains").value(group).roleArn(role.getRoleArn())
                                                .build())
                                        .toList())
                                .build())
                        .build()))
                .build();
    }

    /** The pool's id, {@code COGNITO_IDENTITY_POOL_ID} of the API function. */
    String identityPoolId() {
        return identityPool.getRef();
    }

    Role role() {
        return role;
    }
}
