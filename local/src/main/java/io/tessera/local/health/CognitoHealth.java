package io.tessera.local.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.util.List;

/** Readiness of Cognito: {@code DescribeUserPool} of the pool whose ID tokens the API accepts. */
@Singleton
@Readiness
class CognitoHealth extends AwsDependencyHealth {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    CognitoHealth(CognitoIdentityProviderClient cognito, @Value("${tessera.cognito.user-pool-id}") String userPoolId) {
        super("cognito");
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    List<Check> checks() {
        return List.of(new Check(userPoolId, () -> cognito.describeUserPool(request -> request
                .userPoolId(userPoolId)
                .overrideConfiguration(config -> config.apiCallTimeout(TIMEOUT)))));
    }
}
