package io.tessera.infra.local;

import io.tessera.core.resources.IdentityPoolResources;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityPoolShortDescription;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRule;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;

import java.util.Map;

/**
 * The identity pool of {@link IdentityPoolResources} on the emulator, as the CDK app's
 * {@code TenantFileCredentials} declares it: trusting the user pool's app client, its principal
 * tags, and the role mapping by group. The role itself is only an ARN here: the emulator does not
 * evaluate IAM.
 */
final class IdentityPoolProvisioner {

    private static final String ACCOUNT = "123456789012";

    private final CognitoIdentityClient cognitoIdentity;

    IdentityPoolProvisioner(CognitoIdentityClient cognitoIdentity) {
        this.cognitoIdentity = cognitoIdentity;
    }

    /**
     * @param userPoolId the user pool whose ID tokens the pool accepts
     * @param clientId   the app client those tokens must be issued for
     * @return the identity pool id
     */
    String provision(String userPoolId, String clientId) {
        String region = cognitoIdentity.serviceClientConfiguration().region().id();
        String provider = "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        String poolId = cognitoIdentity.listIdentityPoolsPaginator(request -> request.maxResults(60)).identityPools().stream()
                .filter(pool -> pool.identityPoolName().equals(IdentityPoolResources.IDENTITY_POOL))
                .map(IdentityPoolShortDescription::identityPoolId)
                .findFirst()
                .orElseGet(() -> cognitoIdentity.createIdentityPool(request -> request
                        .identityPoolName(IdentityPoolResources.IDENTITY_POOL)
                        .allowUnauthenticatedIdentities(false)
                        .allowClassicFlow(false)
                        .cognitoIdentityProviders(CognitoIdentityProvider.builder()
                                .providerName(provider).clientId(clientId).serverSideTokenCheck(true).build()))
                        .identityPoolId());
        cognitoIdentity.setPrincipalTagAttributeMap(request -> request
                .identityPoolId(poolId)
                .identityProviderName(provider)
                .useDefaults(false)
                .principalTags(IdentityPoolResources.PRINCIPAL_TAGS));
        String role = "arn:aws:iam::" + ACCOUNT + ":role/" + IdentityPoolResources.ROLE_NAME;
        cognitoIdentity.setIdentityPoolRoles(request -> request
                .identityPoolId(poolId)
                .roles(Map.of("authenticated", role))
                .roleMappings(Map.of(provider + ":" + clientId, RoleMapping.builder()
                        .type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY)
                        .rulesConfiguration(rules -> rules.rules(IdentityPoolResources.GROUPS_WITH_CREDENTIALS.stream()
                                .map(group -> MappingRule.builder()
                                        .claim("cognito:groups").matchType(MappingRuleMatchType.CONTAINS).value(group).roleARN(role)
                                        .build())
                                .toList()))
                        .build())));
        return poolId;
    }
}
