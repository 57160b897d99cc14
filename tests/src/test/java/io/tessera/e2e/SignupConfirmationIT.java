package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.CodeRequest;
import io.tessera.client.model.CodeSent;
import io.tessera.client.model.ConfirmRequest;
import io.tessera.client.model.SignupRequest;
import io.tessera.client.model.SignupResponse;
import io.tessera.client.model.Tenant;
import io.tessera.client.model.TenantStatus;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.PlatformAdmin;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tessera.e2e.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified sign-up (SPEC §4): a new tenant's first admin confirms the emailed code (locally, the
 * signup's answer carries it) before the first sign-in; codes are single-use, replaced by a resend,
 * and guessing them is throttled.
 */
class SignupConfirmationIT {

    private final AuthApi auth = new AuthApi(LocalSystem.anonymous());

    private record Signup(String email, SignupResponse response) {
    }

    private static Signup signUp() throws ApiException {
        String email = "confirm-" + UUID.randomUUID().toString().substring(0, 8) + "@confirm.example.com";
        return new Signup(email, new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest()
                .companyName("Confirm " + email).adminEmail(email).password(TestTenant.PASSWORD).tier(Tier.BASIC)));
    }

    private static Tenant tenant(String id) throws ApiException {
        return new TenantsApi(PlatformAdmin.client()).getTenant(id);
    }

    private static String otherCodeThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aSignedUpAdminCannotSignInUntilTheEmailedCodeConfirmsTheAccountAndActivatesTheTenant() throws ApiException {
        Signup signup = signUp();
        String tenantId = signup.response().getTenant().getId();
        assertThat(signup.response().getTenant().getStatus()).isEqualTo(TenantStatus.PENDING);

        expectProblem(403, () -> LocalSystem.login(signup.email(), TestTenant.PASSWORD));
        expectProblem(422, () -> auth.confirmSignUp(new ConfirmRequest().username(signup.email())
                .code(otherCodeThan(signup.response().getConfirmationCode()))));
        assertThat(tenant(tenantId).getStatus()).isEqualTo(TenantStatus.PENDING);

        auth.confirmSignUp(new ConfirmRequest().username(signup.email().toUpperCase()).code(signup.response().getConfirmationCode()));

        assertThat(tenant(tenantId).getStatus()).isEqualTo(TenantStatus.ACTIVE);
        String idToken = LocalSystem.idTokenOf(signup.email(), TestTenant.PASSWORD);
        assertThat(new AuthApi(LocalSystem.as(idToken)).getMe().getTenantId()).isEqualTo(tenantId);
        assertThat(new AuditApi(LocalSystem.as(idToken)).listAudit(null, null).getItems())
                .extracting(AuditEntry::getAction).containsExactly(AuditEntry.ActionEnum.TENANT_CREATED);
    }

    @Test
    void aCodeWorksOnceAndAResentCodeReplacesTheEarlierOne() throws ApiException {
        Signup signup = signUp();
        String first = signup.response().getConfirmationCode();

        CodeSent resent = auth.resendConfirmationCode(new CodeRequest().username(signup.email()));
        expectProblem(422, () -> auth.confirmSignUp(new ConfirmRequest().username(signup.email()).code(first)));
        auth.confirmSignUp(new ConfirmRequest().username(signup.email()).code(resent.getCode()));

        expectProblem(422, () -> auth.confirmSignUp(new ConfirmRequest().username(signup.email()).code(resent.getCode())));
        assertThat(tenant(signup.response().getTenant().getId()).getStatus()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void aResendForAnUnknownOrConfirmedAccountAnswersLikeOneThatAwaitsACode() throws ApiException {
        TestTenant confirmed = TestTenant.signUp(Tier.BASIC);

        assertThat(auth.resendConfirmationCode(new CodeRequest().username("nobody-" + UUID.randomUUID() + "@confirm.example.com")).getCode())
                .isNull();
        assertThat(auth.resendConfirmationCode(new CodeRequest().username(confirmed.admin().username())).getCode()).isNull();
    }

    @Test
    void guessingCodesIsRefusedAfterFiveWrongOnesEvenWithTheRightCode() throws ApiException {
        Signup signup = signUp();
        String code = signup.response().getConfirmationCode();
        for (int guess = 0; guess < 5; guess++) {
            expectProblem(422, () -> auth.confirmSignUp(new ConfirmRequest().username(signup.email()).code(otherCodeThan(code))));
        }

        ApiException throttled = expectProblem(429, () -> auth.confirmSignUp(new ConfirmRequest().username(signup.email()).code(code)));
        assertThat(throttled.getResponseHeaders().firstValue("retry-after")).isPresent();
        assertThat(tenant(signup.response().getTenant().getId()).getStatus()).isEqualTo(TenantStatus.PENDING);
    }

    @Test
    void confirmationsRacingWithTheSameCodeActivateTheTenantOnceAndNeverFailOnTheServer() throws Exception {
        Signup signup = signUp();
        String body = "{\"username\":\"" + signup.email() + "\",\"code\":\"" + signup.response().getConfirmationCode() + "\"}";
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit(() -> RawHttp.send("POST", "/auth/confirm", null, body).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).contains(204).allMatch(status -> status == 204 || status == 422 || status == 429);
        assertThat(tenant(signup.response().getTenant().getId()).getStatus()).isEqualTo(TenantStatus.ACTIVE);
        String idToken = LocalSystem.idTokenOf(signup.email(), TestTenant.PASSWORD);
        assertThat(new AuditApi(LocalSystem.as(idToken)).listAudit(null, null).getItems())
                .extracting(AuditEntry::getAction).containsExactly(AuditEntry.ActionEnum.TENANT_CREATED);
    }

    @Test
    void aNewSignupReplacesAnUnconfirmedOneWithTheSameEmailSoASquatterNeitherBlocksNorKeepsThePassword() throws ApiException {
        Signup squatted = signUp();
        String ownPassword = "Owner-Passw0rd-Long";

        SignupResponse own = new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest()
                .companyName("Owner " + squatted.email()).adminEmail(squatted.email()).password(ownPassword).tier(Tier.BASIC));

        expectProblem(404, () -> tenant(squatted.response().getTenant().getId()));
        String squattersCode = squatted.response().getConfirmationCode();
        if (!squattersCode.equals(own.getConfirmationCode())) {
            expectProblem(422, () -> auth.confirmSignUp(new ConfirmRequest().username(squatted.email()).code(squattersCode)));
        }
        auth.confirmSignUp(new ConfirmRequest().username(squatted.email()).code(own.getConfirmationCode()));
        expectProblem(401, () -> LocalSystem.login(squatted.email(), TestTenant.PASSWORD));
        assertThat(new AuthApi(LocalSystem.as(LocalSystem.idTokenOf(squatted.email(), ownPassword))).getMe().getTenantId())
                .isEqualTo(own.getTenant().getId());
        expectProblem(409, () -> new TenantsApi(LocalSystem.anonymous()).signUp(new SignupRequest()
                .companyName("Third " + squatted.email()).adminEmail(squatted.email()).password(ownPassword).tier(Tier.BASIC)));
    }
}
