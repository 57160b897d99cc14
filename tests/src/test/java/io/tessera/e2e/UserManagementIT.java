package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.HealthApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.Health;
import io.tessera.client.model.InviteRequest;
import io.tessera.client.model.Me;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.User;
import io.tessera.client.model.UserChange;
import io.tessera.client.model.UserPage;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class UserManagementIT {

    @Test
    void anInvitedUserAnswersTheNewPasswordChallengeAndLogsIn() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);

        TestTenant.Member member = tenant.invite(Role.MEMBERS);

        Me me = new AuthApi(member.client()).getMe();
        assertThat(me.getTenantId()).isEqualTo(tenant.id());
        assertThat(me.getUserId()).isEqualTo(member.userId());
        assertThat(me.getRoles()).containsExactly(Me.RolesEnum.MEMBERS);
    }

    @Test
    void anAdminListsAndReadsTheTenantsUsers() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        UsersApi users = new UsersApi(tenant.asAdmin());

        assertThat(users.listUsers(null, null).getItems()).extracting(User::getUsername)
                .containsExactlyInAnyOrder(tenant.admin().username(), member.login().username());
        User read = users.getUser(member.userId());
        assertThat(read.getRole()).isEqualTo(Role.MEMBERS);
        assertThat(read.getEnabled()).isTrue();
    }

    @Test
    void aPromotedMemberMustSignInAgainAndIsThenAnAdmin() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String oldToken = member.login().idToken();

        User promoted = new UsersApi(tenant.asAdmin()).changeUser(member.userId(), new UserChange().role(Role.TENANT_ADMINS), null);

        assertThat(promoted.getRole()).isEqualTo(Role.TENANT_ADMINS);
        expectProblem(401, () -> new AuthApi(LocalSystem.as(oldToken)).getMe());
        assertThat(new UsersApi(member.client()).listUsers(null, null).getItems()).hasSize(2);
    }

    @Test
    void aDisabledUserIsRefusedUntilEnabledAgain() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String token = member.login().idToken();
        UsersApi users = new UsersApi(tenant.asAdmin());

        users.changeUser(member.userId(), new UserChange().enabled(false), null);

        expectProblem(403, () -> new AuthApi(LocalSystem.as(token)).getMe());
        expectProblem(401, () -> member.login().idToken());

        users.changeUser(member.userId(), new UserChange().enabled(true), null);

        // Undone within the second it was made, the change counts from the next second: a sign-in then works.
        Thread.sleep(1100);
        assertThat(new AuthApi(member.client()).getMe().getUserId()).isEqualTo(member.userId());
    }

    @Test
    void aDeletedUserLeavesTheTenantAndTheirTokenStopsWorkingExceptWherePublicEndpointsIgnoreIt() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String token = member.login().idToken();
        UsersApi users = new UsersApi(tenant.asAdmin());

        users.deleteUser(member.userId(), null);

        expectProblem(404, () -> users.getUser(member.userId()));
        expectProblem(401, () -> new AuthApi(LocalSystem.as(token)).getMe());
        expectProblem(401, () -> member.login().idToken());
        assertThat(users.listUsers(null, null).getItems()).hasSize(1);
        assertThat(new HealthApi(LocalSystem.as(token)).getHealth().getStatus()).isEqualTo(Health.StatusEnum.UP);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedDisabledOrDeleted() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        UsersApi users = new UsersApi(tenant.asAdmin());
        String adminId = new AuthApi(tenant.asAdmin()).getMe().getUserId();

        expectProblem(409, () -> users.changeUser(adminId, new UserChange().role(Role.MEMBERS), null));
        expectProblem(409, () -> users.changeUser(adminId, new UserChange().enabled(false), null));
        expectProblem(409, () -> users.deleteUser(adminId, null));

        User admin = users.getUser(adminId);
        assertThat(admin.getRole()).isEqualTo(Role.TENANT_ADMINS);
        assertThat(admin.getEnabled()).isTrue();
    }

    @Test
    void withASecondAdminTheFirstMayStepDown() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        tenant.invite(Role.TENANT_ADMINS);
        UsersApi users = new UsersApi(tenant.asAdmin());
        String adminId = new AuthApi(tenant.asAdmin()).getMe().getUserId();

        assertThat(users.changeUser(adminId, new UserChange().role(Role.MEMBERS), null).getRole()).isEqualTo(Role.MEMBERS);
    }

    @Test
    void theBasicTiersUserLimitIsEnforced() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        int maxUsers = tenant.tenant().getLimits().getMaxUsers();
        UsersApi users = new UsersApi(tenant.asAdmin());
        for (int i = 1; i < maxUsers; i++) {
            users.inviteUser(new InviteRequest().email("seat" + i + "@" + tenant.admin().username().split("@")[1]).role(Role.MEMBERS));
        }

        expectProblem(422, () -> users.inviteUser(new InviteRequest()
                .email("one-too-many@" + tenant.admin().username().split("@")[1]).role(Role.MEMBERS)));

        assertThat(users.listUsers(null, null).getItems()).hasSize(maxUsers);
    }

    @Test
    void inviteOfAnExistingAccountGets409AndTakesNoSeat() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant other = TestTenant.signUp(Tier.STANDARD);
        UsersApi users = new UsersApi(tenant.asAdmin());

        expectProblem(409, () -> users.inviteUser(new InviteRequest().email(other.admin().username()).role(Role.MEMBERS)));

        assertThat(users.listUsers(null, null).getItems()).hasSize(1);
    }

    @Test
    void userListingsPageWithAnOpaqueCursor() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        UsersApi users = new UsersApi(tenant.asAdmin());
        for (int i = 0; i < 4; i++) {
            users.inviteUser(new InviteRequest().email("page" + i + "@" + tenant.admin().username().split("@")[1]).role(Role.MEMBERS));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            UserPage page = users.listUsers(2, cursor);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
            page.getItems().forEach(user -> seen.add(user.getUserId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }
}
