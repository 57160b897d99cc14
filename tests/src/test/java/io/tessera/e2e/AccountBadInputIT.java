package io.tessera.e2e;

import io.tessera.client.ApiException;
import io.tessera.client.api.AuditApi;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.TenantsApi;
import io.tessera.client.model.AuditEntry;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Tokens;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body of the account endpoints (sign-up confirmation, password reset, MFA, the tenant's MFA
 * requirement), broken: 400 problem documents, and nothing changes (the password still works, MFA
 * stays off, the requirement and the audit trail stay as they were).
 */
class AccountBadInputIT {

    private static final List<String> BROKEN = List.of("{bad json", "[]", "{}", "null", "{\"username\":7}",
            "{\"username\":\"a@b.example.com\",\"code\":\"123456\",\"newPassword\":\"E2e-Passw0rd-Long\",\"extra\":1}",
            "{\"username\":\"   \",\"code\":\"123456\"}", "{\"username\":\"" + "a".repeat(200) + "@b.example.com\"}");

    private static TestTenant tenant;
    private static Tokens tokens;

    @BeforeAll
    static void aTenant() throws ApiException {
        // Premium: the loops below send more requests a second than a basic tenant's rate allows.
        tenant = TestTenant.signUp(Tier.PREMIUM);
        tokens = LocalSystem.login(tenant.admin().username(), tenant.admin().password()).getTokens();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/confirm", "/auth/confirm/resend", "/auth/password/forgot", "/auth/password/reset"})
    void brokenPublicCodeRequestsGet400AndChangeNothing(String path) throws ApiException {
        for (String body : BROKEN) {
            assertProblem(RawHttp.send("POST", path, null, body.replace("a@b.example.com", tenant.admin().username())), 400, path + " " + body);
        }
        assertThat(LocalSystem.login(tenant.admin().username(), tenant.admin().password()).getTokens()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/me/mfa/totp", "/me/mfa/totp/verify", "/me/mfa/totp/disable"})
    void brokenMfaRequestsGet400AndLeaveMfaOff(String path) throws ApiException {
        List<String> broken = List.of("{bad json", "[]", "{}", "{\"accessToken\":7}", "{\"accessToken\":\"" + tokens.getAccessToken() + "\",\"code\":\"12345\"}",
                "{\"accessToken\":\"" + tokens.getAccessToken() + "\",\"code\":\"123456\",\"extra\":true}",
                "{\"password\":\"" + tenant.admin().password() + "\",\"code\":\"abcdef\"}");
        for (String body : broken) {
            assertProblem(RawHttp.send("POST", path, tokens.getIdToken(), body), 400, path + " " + body);
        }
        assertThat(new AuthApi(LocalSystem.as(tokens.getIdToken())).getMe().getMfaEnabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad json", "[]", "{}", "{\"required\":\"yes\"}", "{\"required\":null}", "{\"required\":true,\"extra\":1}"})
    void brokenRequirementChangesGet400AndChangeNothing(String body) throws ApiException {
        assertProblem(RawHttp.send("PUT", "/tenant/mfa-requirement", tokens.getIdToken(), body), 400, body);

        assertThat(new TenantsApi(LocalSystem.as(tokens.getIdToken())).getMfaRequirement().getRequired()).isFalse();
        assertThat(new AuditApi(LocalSystem.as(tokens.getIdToken())).listAudit(null, null).getItems())
                .extracting(AuditEntry::getAction).containsExactly(AuditEntry.ActionEnum.TENANT_CREATED);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).as(what).hasValue("application/problem+json");
    }
}
