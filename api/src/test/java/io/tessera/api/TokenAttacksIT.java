package io.tessera.api;

import io.tessera.api.support.ApiLambda;
import io.tessera.auth.testing.ForgedTokens;
import io.tessera.auth.testing.TokenAttacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a bearer token can be wrong gets 401 from the API's Lambda entry point. The first test
 * proves the forging itself is sound: a forged token that differs in nothing is accepted.
 */
class TokenAttacksIT {

    static final List<TokenAttacks.Attack> ATTACKS = TokenAttacks.all();

    private static ApiLambda lambda;

    @BeforeAll
    static void startHandler() {
        lambda = new ApiLambda();
    }

    @AfterAll
    static void stopHandler() {
        lambda.close();
    }

    @Test
    void aForgedTokenWithValidClaimsAndTheEmulatorsKeyIsAccepted() {
        String token = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims().build());

        assertThat(statusOf(token)).isEqualTo(200);
    }

    @ParameterizedTest(name = "a token {0} is refused")
    @FieldSource("ATTACKS")
    void everyKindOfBadTokenIsRefused(TokenAttacks.Attack attack) {
        assertThat(statusOf(attack.token().get())).isEqualTo(401);
    }

    private static int statusOf(String token) {
        return lambda.get("/me", token).getStatusCode();
    }
}
