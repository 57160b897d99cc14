package io.tessera.e2e.support;

import io.micronaut.core.annotation.Nullable;
import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.model.ChallengeAnswer;
import io.tessera.client.model.LoginRequest;
import io.tessera.client.model.LoginResponse;
import io.tessera.client.model.Tokens;
import io.tessera.core.users.TotpCodes;

import java.time.Instant;

/**
 * The running local system ({@code scripts/run-local}), reached only through the client generated
 * from {@code openapi.yaml}. Where it runs and the demo logins come from the environment that
 * {@code scripts/test-all} sets up from the provisioner's output.
 */
public final class LocalSystem {

    private LocalSystem() {
    }

    public static String baseUrl() {
        String url = System.getenv("TESSERA_URL");
        return url == null || url.isBlank() ? "http://localhost:8080" : url;
    }

    /** A client whose every response is checked against openapi.yaml. */
    public static ApiClient anonymous() {
        return new ApiClient(ContractCheckingHttpClient.builder(), ApiClient.createDefaultObjectMapper(), baseUrl());
    }

    public static ApiClient as(String idToken) {
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + idToken));
    }

    public static LoginResponse login(String username, String password) throws ApiException {
        return new AuthApi(anonymous()).login(new LoginRequest().username(username).password(password));
    }

    public static String idTokenOf(String username, String password) throws ApiException {
        return login(username, password).getTokens().getIdToken();
    }

    /** Signs in through the SOFTWARE_TOKEN_MFA challenge with the current code of the authenticator's secret. */
    public static Tokens signInWithMfa(String username, String password, String totpSecret) throws ApiException {
        LoginResponse first = login(username, password);
        if (first.getChallenge() == null || !"SOFTWARE_TOKEN_MFA".equals(first.getChallenge().getName())) {
            throw new IllegalStateException(username + " was not asked for an MFA code: " + first);
        }
        return new AuthApi(anonymous()).answerChallenge(new ChallengeAnswer().username(username)
                .session(first.getChallenge().getSession()).code(TotpCodes.at(totpSecret, Instant.now())));
    }

    public static Login demoAdmin() {
        return new Login(env("DEMO_ADMIN_USERNAME"), env("DEMO_ADMIN_PASSWORD"));
    }

    public static Login demoMember() {
        return new Login(env("DEMO_MEMBER_USERNAME"), env("DEMO_MEMBER_PASSWORD"));
    }

    /** The demo platform admin, who signs in with MFA, as every platform admin. */
    public static Login platformAdmin() {
        return new Login(env("PLATFORM_ADMIN_USERNAME"), env("PLATFORM_ADMIN_PASSWORD"), env("PLATFORM_ADMIN_TOTP_SECRET"));
    }

    public static String demoTenantId() {
        return env("DEMO_TENANT_ID");
    }

    /** @param totpSecret the authenticator's secret of an account with MFA, else null */
    public record Login(String username, String password, @Nullable String totpSecret) {

        public Login(String username, String password) {
            this(username, password, null);
        }

        public String idToken() throws ApiException {
            return totpSecret == null ? idTokenOf(username, password) : signInWithMfa(username, password, totpSecret).getIdToken();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run end-to-end tests through scripts/test-all");
        }
        return value;
    }
}
