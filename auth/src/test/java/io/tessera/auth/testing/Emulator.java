package io.tessera.auth.testing;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

import java.util.Map;

/**
 * The provisioned emulator, as the test script describes it in the environment
 * ({@code AWS_ENDPOINT_URL} and the provisioner's output).
 */
public final class Emulator {

    private Emulator() {
    }

    public static String endpoint() {
        return required("AWS_ENDPOINT_URL");
    }

    public static String userPoolId() {
        return required("COGNITO_USER_POOL_ID");
    }

    public static String clientId() {
        return required("COGNITO_CLIENT_ID");
    }

    public static String issuer() {
        return "https://cognito-idp.us-east-1.amazonaws.com/" + userPoolId();
    }

    public static String jwksUrl() {
        return endpoint() + "/" + userPoolId() + "/.well-known/jwks.json";
    }

    public static String demoAdminUsername() {
        return required("DEMO_ADMIN_USERNAME");
    }

    /** Tokens of the demo tenant admin, straight from Cognito. */
    public static AuthenticationResultType demoAdminTokens() {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
            return cognito.initiateAuth(request -> request
                    .clientId(clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", demoAdminUsername(), "PASSWORD", required("DEMO_ADMIN_PASSWORD"))))
                    .authenticationResult();
        }
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run integration tests through scripts/test-all");
        }
        return value;
    }
}
