package io.tessera.e2e;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.TenantStatus;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class SuspensionIT {

    @Test
    void aSuspendedTenantsUsersAreRefusedOnEveryEndpointUntilReactivated() throws ApiException {
        TestTenant suspended = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = suspended.invite(Role.MEMBERS);
        TestTenant bystander = TestTenant.signUp(Tier.STANDARD);
        ApiClient admin = suspended.asAdmin();
        ApiClient memberClient = member.client();
        TenantsApi platform = new TenantsApi(PlatformAdmin.client());

        Tenant changed = platform.changeTenant(suspended.id(), new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null);

        assertThat(changed.getStatus()).isEqualTo(TenantStatus.SUSPENDED);
        expectProblem(403, () -> new AuthApi(admin).getMe());
        expectProblem(403, () -> new UsersApi(admin).listUsers(null, null));
        expectProblem(403, () -> new UsersApi(admin).getUser(member.userId()));
        expectProblem(403, () -> new AuditApi(admin).listAudit(null, null));
        expectProblem(403, () -> new AuthApi(memberClient).getMe());
        assertThat(new AuthApi(bystander.asAdmin()).getMe().getTenantId()).isEqualTo(bystander.id());

        platform.changeTenant(suspended.id(), new TenantChange().status(TenantChange.StatusEnum.ACTIVE), null);

        assertThat(new AuthApi(admin).getMe().getTenantId()).isEqualTo(suspended.id());
        assertThat(new AuthApi(memberClient).getMe().getUserId()).isEqualTo(member.userId());
    }

    @Test
    void platformAdminChangesAppearInTheTenantsAuditTrailWithThePlatformAdminAsActor() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        TenantsApi platform = new TenantsApi(PlatformAdmin.client());
        String platformAdminId = new AuthApi(PlatformAdmin.client()).getMe().getUserId();

        Tenant upgraded = platform.changeTenant(tenant.id(), new TenantChange().tier(Tier.PREMIUM), null);
        platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null);
        platform.changeTenant(tenant.id(), new TenantChange().status(TenantChange.StatusEnum.ACTIVE), null);

        assertThat(upgraded.getLimits().getMaxUsers()).isEqualTo(1000);
        assertThat(platform.getTenant(tenant.id()).getTier()).isEqualTo(Tier.PREMIUM);
        assertThat(new AuditApi(tenant.asAdmin()).listAudit(3, null).getItems())
                .allSatisfy(entry -> assertThat(entry.getActorId()).isEqualTo(platformAdminId))
                .extracting(AuditEntry::getAction)
                .containsExactly(AuditEntry.ActionEnum.TENANT_REACTIVATED, AuditEntry.ActionEnum.TENANT_SUSPENDED,
                        AuditEntry.ActionEnum.TENANT_TIER_CHANGED);
    }

    @Test
    void anUnknownTenantIs404ForThePlatformAdmin() throws ApiException {
        TenantsApi platform = new TenantsApi(PlatformAdmin.client());

        expectProblem(404, () -> platform.getTenant("doesnotexist0"));
        expectProblem(404, () -> platform.changeTenant("doesnotexist0", new TenantChange().tier(Tier.BASIC), null));
    }

    @Test
    void platformAdminsSeeEveryTenantPageByPage() throws ApiException {
        TestTenant one = TestTenant.signUp(Tier.BASIC);
        TestTenant two = TestTenant.signUp(Tier.BASIC);

        assertThat(PlatformAdmin.allTenants()).extracting(Tenant::getId).contains(one.id(), two.id(), LocalSystem.demoTenantId());
    }
}
