package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.AuditPage;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.UserChange;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailIT {

    @Test
    void theTrailHoldsExactlyTheAdminActionsNewestFirstWithActorTargetAndOutcome() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        String adminId = new AuthApi(tenant.asAdmin()).getMe().getUserId();
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        UsersApi users = new UsersApi(tenant.asAdmin());
        users.changeUser(member.userId(), new UserChange().role(Role.TENANT_ADMINS), null);
        users.changeUser(member.userId(), new UserChange().role(Role.MEMBERS), null);
        users.changeUser(member.userId(), new UserChange().enabled(false), null);
        users.changeUser(member.userId(), new UserChange().enabled(true), null);
        expectProblem(409, () -> users.deleteUser(adminId, null));
        users.deleteUser(member.userId(), null);

        List<AuditEntry> trail = allEntries(new AuditApi(tenant.asAdmin()));

        assertThat(trail).extracting(AuditEntry::getAction).containsExactly(
                AuditEntry.ActionEnum.USER_DELETED,
                AuditEntry.ActionEnum.USER_DELETED,
                AuditEntry.ActionEnum.USER_ENABLED,
                AuditEntry.ActionEnum.USER_DISABLED,
                AuditEntry.ActionEnum.USER_ROLE_CHANGED,
                AuditEntry.ActionEnum.USER_ROLE_CHANGED,
                AuditEntry.ActionEnum.USER_INVITED,
                AuditEntry.ActionEnum.TENANT_CREATED);
        assertThat(trail.get(0).getTarget()).isEqualTo(member.userId());
        assertThat(trail.get(0).getOutcome()).isEqualTo(AuditEntry.OutcomeEnum.SUCCEEDED);
        assertThat(trail.get(1).getTarget()).isEqualTo(adminId);
        assertThat(trail.get(1).getOutcome()).isEqualTo(AuditEntry.OutcomeEnum.REFUSED);
        assertThat(trail).allSatisfy(entry -> assertThat(entry.getActorId()).isEqualTo(adminId));
        assertThat(trail).extracting(AuditEntry::getAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    private static List<AuditEntry> allEntries(AuditApi audit) throws ApiException {
        List<AuditEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = audit.listAudit(3, cursor);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }
}
