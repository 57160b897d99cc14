package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.HealthApi;
import io.tessera.client.model.Health;
import io.tessera.client.model.LoginResponse;
import io.tessera.client.model.Me;
import io.tessera.client.model.RefreshRequest;
import io.tessera.client.model.Tokens;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

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
}
