package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.model.AwsCredentials;
import io.tessera.client.model.Role;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

import java.time.OffsetDateTime;
import java.util.Map;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /auth/aws-credentials} and the identity pool behind it (SPEC §13): a tenant user's
 * credentials name only their own folder of their own tenant; platform admins, suspended tenants
 * and tokens without a tenant role get none. The emulator does not evaluate IAM, so what the
 * credentials can reach is proved on the CDK template (TenantFileCredentialsTest); here, who gets them.
 */
class AwsCredentialsIT {

    private static final String USER_POOL_PROVIDER = "cognito-idp." + System.getenv("AWS_REGION") + ".amazonaws.com/"
            + System.getenv("COGNITO_USER_POOL_ID");

    @Test
    void aMemberGetsCredentialsForTheirOwnFolderAndKeepsOneIdentity() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);

        AwsCredentials first = new AuthApi(member.client()).getAwsCredentials();
        AwsCredentials second = new AuthApi(member.client()).getAwsCredentials();

        assertThat(first.getKeyPrefix()).isEqualTo("tenants/" + tenant.id() + "/direct/" + member.userId() + "/");
        assertThat(first.getBucket()).isNotBlank();
        assertThat(first.getRegion()).isEqualTo(System.getenv("AWS_REGION"));
        assertThat(first.getAccessKeyId()).isNotBlank();
        assertThat(first.getSecretAccessKey()).isNotBlank();
        assertThat(first.getSessionToken()).isNotBlank();
        assertThat(first.getExpiration()).isAfter(OffsetDateTime.now());
        assertThat(second.getIdentityId()).isEqualTo(first.getIdentityId());
    }

    @Test
    void twoTenantsAdminsGetFoldersOfTheirOwnTenantAndIdentitiesOfTheirOwn() throws ApiException {
        TestTenant one = TestTenant.signUp(Tier.BASIC);
        TestTenant two = TestTenant.signUp(Tier.BASIC);

        AwsCredentials ofOne = new AuthApi(one.asAdmin()).getAwsCredentials();
        AwsCredentials ofTwo = new AuthApi(two.asAdmin()).getAwsCredentials();

        assertThat(ofOne.getKeyPrefix()).startsWith("tenants/" + one.id() + "/direct/").doesNotContain(two.id());
        assertThat(ofTwo.getKeyPrefix()).startsWith("tenants/" + two.id() + "/direct/").doesNotContain(one.id());
        assertThat(ofOne.getIdentityId()).isNotEqualTo(ofTwo.getIdentityId());
    }

    @Test
    void aPlatformAdminGetsNone() {
        expectProblem(403, () -> new AuthApi(PlatformAdmin.client()).getAwsCredentials());
    }

    @Test
    void aSuspendedTenantsUsersGetNoneUntilItIsReactivated() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TenantsApi platform = new TenantsApi(PlatformAdmin.client());

        platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null);
        expectProblem(403, () -> new AuthApi(tenant.asAdmin()).getAwsCredentials());

        platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.ACTIVE), null);
        assertThat(new AuthApi(tenant.asAdmin()).getAwsCredentials().getKeyPrefix()).contains(tenant.id());
    }

    @Test
    void withoutAValidTokenItIs401() {
        expectProblem(401, () -> new AuthApi(LocalSystem.anonymous()).getAwsCredentials());
        expectProblem(401, () -> new AuthApi(LocalSystem.as("not-a-token")).getAwsCredentials());
    }

    @Test
    void theIdentityPoolItselfGivesNoCredentialsToATokenWithoutATenantRoleOrToAnotherUsersIdentity() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String poolId = System.getenv("COGNITO_IDENTITY_POOL_ID");
        try (CognitoIdentityClient identityPool = CognitoIdentityClient.create()) {
            Map<String, String> platformLogin = Map.of(USER_POOL_PROVIDER, LocalSystem.platformAdmin().idToken());
            String platformIdentity = identityPool.getId(request -> request.identityPoolId(poolId).logins(platformLogin)).identityId();
            assertThatThrownBy(() -> identityPool.getCredentialsForIdentity(request -> request.identityId(platformIdentity).logins(platformLogin)))
                    .as("a platform admin's token: no tenant group, no role")
                    .isInstanceOf(NotAuthorizedException.class);

            String memberIdentity = new AuthApi(member.client()).getAwsCredentials().getIdentityId();
            Map<String, String> adminLogin = Map.of(USER_POOL_PROVIDER, tenant.admin().idToken());
            assertThatThrownBy(() -> identityPool.getCredentialsForIdentity(request -> request.identityId(memberIdentity).logins(adminLogin)))
                    .as("the tenant admin's login for the member's identity")
                    .isInstanceOf(NotAuthorizedException.class);
            assertThatThrownBy(() -> identityPool.getId(request -> request.identityPoolId(poolId)))
                    .as("no login at all")
                    .isInstanceOf(NotAuthorizedException.class);
        }
    }
}
