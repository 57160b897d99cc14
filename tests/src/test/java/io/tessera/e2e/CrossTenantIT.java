package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.Role;
import io.tessera.client.model.TenantChange;
import io.tessera.client.model.Tier;
import io.tessera.client.model.User;
import io.tessera.client.model.UserChange;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenant A's admin, holding tenant B's ids, gets 404 everywhere and changes nothing in B. */
class CrossTenantIT {

    private static TestTenant tenantA;
    private static TestTenant tenantB;
    private static TestTenant.Member memberOfB;

    @BeforeAll
    static void twoTenants() throws ApiException {
        tenantA = TestTenant.signUp(Tier.STANDARD);
        tenantB = TestTenant.signUp(Tier.STANDARD);
        memberOfB = tenantB.invite(Role.MEMBERS);
    }

    @Test
    void anotherTenantsUserIs404OnEveryUserEndpointAndStaysUnchanged() throws ApiException {
        UsersApi asA = new UsersApi(tenantA.asAdmin());

        expectProblem(404, () -> asA.getUser(memberOfB.userId()));
        expectProblem(404, () -> asA.changeUser(memberOfB.userId(), new UserChange().role(Role.TENANT_ADMINS), null));
        expectProblem(404, () -> asA.changeUser(memberOfB.userId(), new UserChange().enabled(false), null));
        expectProblem(404, () -> asA.deleteUser(memberOfB.userId(), null));

        User inB = new UsersApi(tenantB.asAdmin()).getUser(memberOfB.userId());
        assertThat(inB.getRole()).isEqualTo(Role.MEMBERS);
        assertThat(inB.getEnabled()).isTrue();
        assertThat(asA.listUsers(100, null).getItems()).extracting(User::getUserId).doesNotContain(memberOfB.userId());
    }

    @Test
    void aCursorHandedToAnotherTenantIsRefused() throws ApiException {
        String cursorOfB = new UsersApi(tenantB.asAdmin()).listUsers(1, null).getNextCursor();
        assertThat(cursorOfB).isNotNull();

        expectProblem(400, () -> new UsersApi(tenantA.asAdmin()).listUsers(1, cursorOfB));
        expectProblem(400, () -> new AuditApi(tenantA.asAdmin()).listAudit(1, cursorOfB));
    }

    @Test
    void auditTrailsNeverShowAnotherTenantsActions() throws ApiException {
        assertThat(new AuditApi(tenantA.asAdmin()).listAudit(100, null).getItems())
                .extracting(AuditEntry::getTarget).doesNotContain(memberOfB.userId(), tenantB.id());
    }

    @Test
    void aTenantAdminCannotReachThePlatformEndpoints() throws ApiException {
        TenantsApi asA = new TenantsApi(tenantA.asAdmin());

        expectProblem(403, () -> asA.listTenants(null, null));
        expectProblem(403, () -> asA.getTenant(tenantB.id()));
        expectProblem(403, () -> asA.changeTenant(tenantB.id(), new TenantChange().status(TenantChange.StatusEnum.SUSPENDED), null));
    }
}
