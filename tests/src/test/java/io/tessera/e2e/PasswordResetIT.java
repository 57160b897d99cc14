package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.CodeRequest;
import io.tessera.client.model.PasswordResetRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forgotten passwords (SPEC §4): a request is answered alike whether or not the account exists, the
 * emailed code (locally in the answer) sets a new password once, the reset ends every session, and
 * requests and wrong codes are throttled per account.
 */
class PasswordResetIT {

    private static final String NEW_PASSWORD = "Reset-Passw0rd-Long";

    private final AuthApi auth = new AuthApi(LocalSystem.anonymous());

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@reset.example.com";
    }

    private static String otherCodeThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aResetCodeSetsTheNewPasswordOnceEndsEverySessionAndOpenSocketAndIsAudited() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.STANDARD);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String username = member.login().username();
        String oldIdToken = member.login().idToken();

        try (WsClient socket = WsClient.connect(oldIdToken)) {
            socket.subscribe("orders");
            String code = auth.forgotPassword(new CodeRequest().username(username.toUpperCase())).getCode();
            auth.resetPassword(new PasswordResetRequest().username(username).code(code).newPassword(NEW_PASSWORD));

            WsClient.Closed closed = socket.awaitClose(Duration.ofSeconds(15));
            assertThat(closed).as("the socket opened before the reset").isNotNull();
            assertThat(closed.code()).isEqualTo(4401);
            expectProblem(422, () -> auth.resetPassword(new PasswordResetRequest().username(username).code(code).newPassword("Another-Passw0rd-1")));
        }
        expectProblem(401, () -> LocalSystem.login(username, TestTenant.PASSWORD));
        expectProblem(401, () -> new AuthApi(LocalSystem.as(oldIdToken)).getMe());
        String idToken = Eventually.await(Duration.ofSeconds(10), "a sign-in with the new password that works", () -> {
            String fresh = LocalSystem.idTokenOf(username, NEW_PASSWORD);
            try {
                new AuthApi(LocalSystem.as(fresh)).getMe();
                return Optional.of(fresh);
            } catch (ApiException e) {
                return Optional.empty(); // issued within the reset's own second
            }
        });
        assertThat(new AuthApi(LocalSystem.as(idToken)).getMe().getUserId()).isEqualTo(member.userId());
        assertThat(new AuditApi(tenant.asAdmin()).listAudit(50, null).getItems()).anySatisfy(entry -> {
            assertThat(entry.getAction()).isEqualTo(AuditEntry.ActionEnum.USER_PASSWORD_RESET);
            assertThat(entry.getTarget()).isEqualTo(member.userId());
        });
    }

    @Test
    void aRequestForAnUnknownAccountIsAnsweredLikeOneForAKnownAccountAndItsResetFailsLikeAWrongCode() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        String known = tenant.admin().username();

        String code = auth.forgotPassword(new CodeRequest().username(known)).getCode();
        assertThat(auth.forgotPassword(new CodeRequest().username(unknownEmail())).getCode()).isNull();

        String wrongCode = expectProblem(422, () -> auth.resetPassword(new PasswordResetRequest()
                .username(known).code(otherCodeThan(code)).newPassword(NEW_PASSWORD))).getResponseBody();
        String unknownAccount = expectProblem(422, () -> auth.resetPassword(new PasswordResetRequest()
                .username(unknownEmail()).code(code).newPassword(NEW_PASSWORD))).getResponseBody();
        assertThat(detail(unknownAccount)).isEqualTo(detail(wrongCode));
        assertThat(LocalSystem.login(known, TestTenant.PASSWORD).getTokens()).as("the password is unchanged").isNotNull();
    }

    @Test
    void aNewPasswordMustMeetThePolicyAndNothingChangesOtherwise() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        String username = tenant.admin().username();
        String code = auth.forgotPassword(new CodeRequest().username(username)).getCode();

        expectProblem(400, () -> auth.resetPassword(new PasswordResetRequest().username(username).code(code).newPassword("short")));

        assertThat(LocalSystem.login(username, TestTenant.PASSWORD).getTokens()).isNotNull();
    }

    @Test
    void guessingCodesAndAskingForCodesAreThrottledPerAccountWhetherOrNotItExists() throws ApiException {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        String username = tenant.admin().username();
        String code = auth.forgotPassword(new CodeRequest().username(username)).getCode();
        for (int guess = 0; guess < 5; guess++) {
            expectProblem(422, () -> auth.resetPassword(new PasswordResetRequest().username(username).code(otherCodeThan(code)).newPassword(NEW_PASSWORD)));
        }
        expectProblem(429, () -> auth.resetPassword(new PasswordResetRequest().username(username).code(code).newPassword(NEW_PASSWORD)));

        String unknown = unknownEmail();
        for (int request = 0; request < 5; request++) {
            auth.forgotPassword(new CodeRequest().username(unknown));
        }
        expectProblem(429, () -> auth.forgotPassword(new CodeRequest().username(unknown)));
    }

    @Test
    void wrongCodesSentAllAtOnceAreStillCheckedAtMostFiveTimes() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.BASIC);
        String username = tenant.admin().username();
        String code = auth.forgotPassword(new CodeRequest().username(username)).getCode();
        String wrong = "{\"username\":\"" + username + "\",\"code\":\"" + otherCodeThan(code) + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}";
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> RawHttp.send("POST", "/auth/password/reset", null, wrong).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 422).hasSizeLessThanOrEqualTo(5);
        assertThat(statuses).allMatch(status -> status == 422 || status == 429);
        expectProblem(429, () -> auth.resetPassword(new PasswordResetRequest().username(username).code(code).newPassword(NEW_PASSWORD)));
    }

    private static String detail(String problem) {
        return problem.replaceAll(".*\"detail\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }
}
