package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.LoginResponse;
import io.tessera.client.model.RefreshRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Tokens;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /auth/sign-out} signs the caller out of every device (SPEC §4): the refresh token stops
 * working, the ID tokens issued before stop working on REST, the open WebSocket is closed, and the
 * tenant's audit trail says so; signing in again works.
 */
class SignOutIT {

    @Test
    void signingOutEverywhereEndsTheOldTokensRestAccessRefreshAndOpenSocketButNotANewSignIn() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        LoginResponse before = LocalSystem.login(member.login().username(), member.login().password());
        String oldIdToken = before.getTokens().getIdToken();

        try (WsClient socket = WsClient.connect(oldIdToken)) {
            socket.subscribe("orders");

            new AuthApi(LocalSystem.as(oldIdToken)).signOut();

            WsClient.Closed closed = socket.awaitClose(Duration.ofSeconds(15));
            assertThat(closed).as("the socket opened with a token from before the sign-out").isNotNull();
            assertThat(closed.code()).isEqualTo(4401);
        }
        expectProblem(401, () -> new AuthApi(LocalSystem.as(oldIdToken)).getMe());
        expectProblem(401, () -> new AuthApi(LocalSystem.anonymous()).refresh(new RefreshRequest().refreshToken(before.getTokens().getRefreshToken())));

        String fresh = Eventually.await(Duration.ofSeconds(10), "a new sign-in that works", () -> {
            String idToken = member.login().idToken();
            try {
                new AuthApi(LocalSystem.as(idToken)).getMe();
                return Optional.of(idToken);
            } catch (ApiException e) {
                return Optional.empty(); // signed in within the sign-out's own second
            }
        });
        assertThat(new AuthApi(LocalSystem.as(fresh)).getMe().getUserId()).isEqualTo(member.userId());
        assertThat(new AuditApi(tenant.asAdmin()).listAudit(50, null).getItems())
                .anySatisfy(entry -> {
                    assertThat(entry.getAction()).isEqualTo(AuditEntry.ActionEnum.USER_SIGNED_OUT_EVERYWHERE);
                    assertThat(entry.getTarget()).isEqualTo(member.userId());
                });
    }

    @Test
    void aPlatformAdminSigningOutEverywhereLosesTheRefreshToken() throws Exception {
        LocalSystem.Login platform = LocalSystem.platformAdmin();
        Tokens before = LocalSystem.signInWithMfa(platform.username(), platform.password(), platform.totpSecret());

        new AuthApi(LocalSystem.as(before.getIdToken())).signOut();

        expectProblem(401, () -> new AuthApi(LocalSystem.anonymous()).refresh(new RefreshRequest().refreshToken(before.getRefreshToken())));
        assertThat(platform.idToken()).as("signing in again").isNotBlank();
    }

    @Test
    void signingOutWithoutAValidTokenIs401AndEndsNothing() throws Exception {
        expectProblem(401, () -> new AuthApi(LocalSystem.anonymous()).signOut());
        expectProblem(401, () -> new AuthApi(LocalSystem.as("not-a-token")).signOut());
    }
}
