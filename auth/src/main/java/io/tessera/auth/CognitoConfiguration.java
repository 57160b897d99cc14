package io.tessera.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The user pool and app client this deployment trusts. Both ids come from provisioning output
 * (locally) or the stack's outputs (in AWS) through the environment; nothing is hard-coded.
 */
@ConfigurationProperties("tessera.cognito")
public interface CognitoConfiguration {

    @NotBlank
    String getUserPoolId();

    /** The app client id: the only accepted {@code aud} of an ID token. */
    @NotBlank
    String getClientId();

    /** The pool's issuer URL, {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}: the only accepted {@code iss}. */
    @NotBlank
    String getIssuer();
}
