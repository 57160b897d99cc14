package io.tessera.auth;

/** Names of the Cognito ID-token claims Tessera reads. */
public final class CognitoClaims {

    private CognitoClaims() {
    }

    public static final String TENANT_ID = "custom:tenantId";
    public static final String GROUPS = "cognito:groups";
    public static final String USERNAME = "cognito:username";
    public static final String EMAIL = "email";
    public static final String TOKEN_USE = "token_use";
    /** RFC 7519 §4.1.6. */
    public static final String ISSUED_AT = "iat";
}
