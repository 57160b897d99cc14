package io.tessera.e2e.support;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.model.LoginRequest;
import io.tessera.client.model.LoginResponse;

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

    public static Login demoAdmin() {
        return new Login(env("DEMO_ADMIN_USERNAME"), env("DEMO_ADMIN_PASSWORD"));
    }

    public static Login demoMember() {
        return new Login(env("DEMO_MEMBER_USERNAME"), env("DEMO_MEMBER_PASSWORD"));
    }

    public static Login platformAdmin() {
        return new Login(env("PLATFORM_ADMIN_USERNAME"), env("PLATFORM_ADMIN_PASSWORD"));
    }

    public static String demoTenantId() {
        return env("DEMO_TENANT_ID");
    }

    public record Login(String username, String password) {

        public String idToken() throws ApiException {
            return idTokenOf(username, password);
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
