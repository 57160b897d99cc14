package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.Me;
import io.tessera.client.model.SignupRequest;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.TenantStatus;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class TenantSignupIT {

    @Test
    void aCompanySignsUpAndItsAdminCanWorkOnceTheEmailIsConfirmed() throws ApiException {
        TestTenant acme = TestTenant.signUp(Tier.STANDARD);

        assertThat(new TenantsApi(PlatformAdmin.client()).getTenant(acme.id()).getStatus()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(acme.tenant().getTier()).isEqualTo(Tier.STANDARD);
        assertThat(acme.tenant().getLimits().getMaxUsers()).isEqualTo(50);
        Me me = new AuthApi(acme.asAdmin()).getMe();
        assertThat(me.getTenantId()).isEqualTo(acme.id());
        assertThat(me.getRoles()).containsExactly(Me.RolesEnum.TENANT_ADMINS);
        assertThat(new UsersApi(acme.asAdmin()).listUsers(null, null).getItems())
                .singleElement().satisfies(user -> assertThat(user.getUserId()).isEqualTo(me.getUserId()));
        assertThat(new AuditApi(acme.asAdmin()).listAudit(null, null).getItems())
                .extracting(AuditEntry::getAction).containsExactly(AuditEntry.ActionEnum.TENANT_CREATED);
    }

    @Test
    void aDuplicateAdminEmailGets409AndLeavesNoTenantBehind() throws ApiException {
        TestTenant first = TestTenant.signUp(Tier.BASIC);
        String company = "Duplicate " + UUID.randomUUID();

        expectProblem(409, () -> new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest()
                .companyName(company).adminEmail(first.admin().username()).password(TestTenant.PASSWORD).tier(Tier.BASIC)));

        assertThat(PlatformAdmin.allTenants()).extracting(Tenant::getName).doesNotContain(company);
    }

    @Test
    void theAdminEmailIsCaseInsensitive() throws ApiException {
        TestTenant first = TestTenant.signUp(Tier.BASIC);

        expectProblem(409, () -> new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest()
                .companyName("Shouting " + UUID.randomUUID()).adminEmail(first.admin().username().toUpperCase())
                .password(TestTenant.PASSWORD).tier(Tier.BASIC)));
    }
}
