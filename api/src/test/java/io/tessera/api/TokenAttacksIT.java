package io.tessera.api;

import com.nimbusds.jwt.JWTClaimsSet;
import io.tessera.api.support.ApiLambda;
import io.tessera.auth.testing.Emulator;
import io.tessera.auth.testing.ForgedTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a bearer token can be wrong gets 401 from the API's Lambda entry point. The first test
 * proves the forging itself is sound: a forged token that differs in nothing is accepted.
 */
class TokenAttacksIT {

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

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(7200);
        String token = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims()
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600))).build());

        assertThat(statusOf(token)).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = ForgedTokens.signedWithAnotherKey(ForgedTokens.validIdTokenClaims().build());

        assertThat(statusOf(token)).isEqualTo(401);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String token = ForgedTokens.unsigned(ForgedTokens.validIdTokenClaims().build());

        assertThat(statusOf(token)).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String token = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims()
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SomeOtherPool").build());

        assertThat(statusOf(token)).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims()
                .audience("another-app-client").build());

        assertThat(statusOf(token)).isEqualTo(401);
    }

    @Test
    void anAccessTokenIsRefusedWhereAnIdTokenIsRequired() {
        assertThat(statusOf(Emulator.demoAdminTokens().accessToken())).isEqualTo(401);
    }

    @Test
    void anAccessTokenShapedForgeryWithTheRightAudienceIsRefused() {
        JWTClaimsSet claims = ForgedTokens.validIdTokenClaims().claim("token_use", "access").build();

        assertThat(statusOf(ForgedTokens.signedWithEmulatorKey(claims))).isEqualTo(401);
    }

    @Test
    void aRefreshTokenIsRefusedAsBearer() {
        assertThat(statusOf(Emulator.demoAdminTokens().refreshToken())).isEqualTo(401);
    }

    @Test
    void garbageIsRefused() {
        assertThat(statusOf("not.a.jwt")).isEqualTo(401);
        assertThat(statusOf("%%%")).isEqualTo(401);
    }

    private static int statusOf(String token) {
        return lambda.get("/me", token).getStatusCode();
    }
}
