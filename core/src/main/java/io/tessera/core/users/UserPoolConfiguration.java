package io.tessera.core.users;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The Cognito user pool that holds Tessera's accounts, and its app client: the ids come from the
 * environment ({@code COGNITO_USER_POOL_ID}, {@code COGNITO_CLIENT_ID}), as the token checks'
 * configuration reads them too.
 */
@ConfigurationProperties("tessera.cognito")
public interface UserPoolConfiguration {

    @NotBlank
    String getUserPoolId();

    @NotBlank
    String getClientId();
}
