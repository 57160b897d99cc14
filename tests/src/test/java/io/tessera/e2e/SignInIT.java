package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.HealthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.api.UsersApi;
import io.tessera.client.model.ChallengeAnswer;
import io.tessera.client.model.Health;
import io.tessera.client.model.Invitation;
import io.tessera.client.model.InviteRequest;
import io.tessera.client.model.LoginResponse;
import io.tessera.client.model.Me;
import io.tessera.client.model.RefreshRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.SignupRequest;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Tokens;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInIT {

    @Test
    void healthReportsTheAppUpAndTheEmulatorReachable() throws ApiException {
        Health health = new HealthApi(LocalSystem.anonymous()).getHealth();

        assertThat(health.getStatus()).isEqualTo(Health.StatusEnum.UP);
        assertThat(health.getAws().getReachable()).isTrue();
    }

    @Test
    void theDemoAdminLogsInAndMeReturnsTheDemoTenant() throws ApiException {
        LocalSystem.Login admin = LocalSystem.demoAdmin();

        Me me = new AuthApi(LocalSystem.as(admin.idToken())).getMe();

        assertThat(me.getTenantId()).isEqualTo(LocalSystem.demoTenantId());
        assertThat(me.getUsername()).isEqualTo(admin.username());
        assertThat(me.getRoles()).containsExactly(Me.RolesEnum.TENANT_ADMINS);
    }

    @Test
    void aRefreshTokenBuysANewIdTokenThatWorks() throws ApiException {
        LocalSystem.Login member = LocalSystem.demoMember();
        LoginResponse login = LocalSystem.login(member.username(), member.password());

        Tokens refreshed = new AuthApi(LocalSystem.anonymous())
                .refresh(new RefreshRequest().refreshToken(login.getTokens().getRefreshToken()));

        Me me = new AuthApi(LocalSystem.as(refreshed.getIdToken())).getMe();
        assertThat(me.getRoles()).containsExactly(Me.RolesEnum.MEMBERS);
    }

    @Test
    void aWrongPasswordGets401() {
        assertThatThrownBy(() -> LocalSystem.login(LocalSystem.demoAdmin().username(), "not-the-password"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
                });
    }

    @Test
    void meWithoutATokenGets401() {
        assertThatThrownBy(() -> new AuthApi(LocalSystem.anonymous()).getMe())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    @Test
    void aChallengeAnswerWithAMadeUpSessionGets401() {
        HttpResponse<String> response = RawHttp.send("POST", "/auth/challenge", null,
                "{\"username\":\"" + LocalSystem.demoMember().username() + "\",\"session\":\"made-up\",\"newPassword\":\"Brand-New-Passw0rd\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    /**
     * The emulator's Cognito lets a challenge session be answered for any username; Tessera's sealed
     * session must not: answering my own invitation's challenge with someone else's username, be they
     * another invitee, a confirmed user or another tenant's admin, is 401 and changes nobody's password.
     */
    @Test
    void aChallengeSessionAnsweredForAnotherUsernameGets401AndChangesNoPassword() throws ApiException {
        TestTenant mine = TestTenant.signUp(Tier.PREMIUM);
        TestTenant theirs = TestTenant.signUp(Tier.PREMIUM);
        Invitation myInvitation = invite(mine, "me");
        Invitation theirInvitation = invite(theirs, "pending");
        TestTenant.Member theirMember = theirs.invite(Role.MEMBERS);
        String session = LocalSystem.login(myInvitation.getUser().getUsername(), myInvitation.getTemporaryPassword())
                .getChallenge().getSession();

        for (String victim : new String[]{theirInvitation.getUser().getUsername(), theirMember.login().username(),
                theirs.admin().username(), theirs.admin().username().toUpperCase(Locale.ROOT)}) {
            HttpResponse<String> response = RawHttp.send("POST", "/auth/challenge", null,
                    "{\"username\":\"" + victim + "\",\"session\":\"" + session + "\",\"newPassword\":\"Hijacked-Passw0rd-1\"}");
            assertThat(response.statusCode()).as(victim).isEqualTo(401);
        }

        assertThat(LocalSystem.login(theirs.admin().username(), theirs.admin().password()).getTokens()).isNotNull();
        assertThat(LocalSystem.login(theirMember.login().username(), theirMember.login().password()).getTokens()).isNotNull();
        assertThat(LocalSystem.login(theirInvitation.getUser().getUsername(), theirInvitation.getTemporaryPassword()).getChallenge())
                .isNotNull();
        Tokens mineAnswered = new AuthApi(LocalSystem.anonymous()).answerChallenge(new ChallengeAnswer()
                .username(myInvitation.getUser().getUsername()).session(session).newPassword(TestTenant.PASSWORD));
        assertThat(new AuthApi(LocalSystem.as(mineAnswered.getIdToken())).getMe().getTenantId()).isEqualTo(mine.id());
    }

    @Test
    void aChallengeSessionAlteredInOneCharacterGets401() throws ApiException {
        Invitation invitation = invite(TestTenant.signUp(Tier.PREMIUM), "altered");
        String session = LocalSystem.login(invitation.getUser().getUsername(), invitation.getTemporaryPassword())
                .getChallenge().getSession();
        char last = session.charAt(session.length() - 1);
        String altered = session.substring(0, session.length() - 1) + (last == 'A' ? 'B' : 'A');

        HttpResponse<String> response = RawHttp.send("POST", "/auth/challenge", null,
                "{\"username\":\"" + invitation.getUser().getUsername() + "\",\"session\":\"" + altered
                        + "\",\"newPassword\":\"Brand-New-Passw0rd\"}");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /**
     * The emulator finds a refresh token's account by username: a deleted account's token would
     * sign in as whoever gets its email next, in any tenant. Tessera's refresh tokens name the
     * account they were issued to, and deleting an account signs it out everywhere first.
     */
    @Test
    void aDeletedAccountsRefreshTokenDoesNotSignInAsTheNextAccountWithItsEmail() throws ApiException {
        TestTenant first = TestTenant.signUp(Tier.BASIC);
        TestTenant.Member secondAdmin = first.invite(Role.TENANT_ADMINS);
        String email = first.admin().username();
        String userId = new AuthApi(first.asAdmin()).getMe().getUserId();
        String refreshToken = LocalSystem.login(email, first.admin().password()).getTokens().getRefreshToken();
        new UsersApi(secondAdmin.client()).deleteUser(userId, null);
        new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest().companyName("Next owner").adminEmail(email)
                .password("Next-Owner-Passw0rd").tier(Tier.PREMIUM));

        HttpResponse<String> refreshed = RawHttp.send("POST", "/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");

        assertThat(refreshed.statusCode()).isEqualTo(401);
        assertThat(refreshed.body()).doesNotContain("idToken");
    }

    @Test
    void aRefreshTokenTesseraDidNotHandOutIsRefused() {
        for (String madeUp : new String[]{"not-a-token", "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z", "A".repeat(600)}) {
            HttpResponse<String> refreshed = RawHttp.send("POST", "/auth/refresh", null, "{\"refreshToken\":\"" + madeUp + "\"}");
            assertThat(refreshed.statusCode()).as(madeUp).isEqualTo(401);
        }
    }

    private static Invitation invite(TestTenant tenant, String name) throws ApiException {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.admin().username().split("@")[1];
        return new UsersApi(tenant.asAdmin()).inviteUser(new InviteRequest().email(email).role(Role.MEMBERS));
    }
}
