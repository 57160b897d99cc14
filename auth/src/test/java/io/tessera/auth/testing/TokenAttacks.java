package io.tessera.auth.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every kind of bearer token that must be refused, as one list, so that each way into Tessera
 * (REST, the local WebSocket endpoint, the WebSocket {@code $connect} authorizer) is tested
 * against all of them. Tokens are built when asked for, as they expire.
 */
public final class TokenAttacks {

    private TokenAttacks() {
    }

    /** A named bad token. */
    public record Attack(String name, Supplier<String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Attack> all() {
        return List.of(
                forged("expired", claims -> {
                    Instant past = Instant.now().minusSeconds(7200);
                    return claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600)));
                }),
                forged("without exp", claims -> claims.expirationTime(null)),
                forged("not valid before a time in the future", claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))),
                forged("issued in the future", claims -> claims.issueTime(Date.from(Instant.now().plusSeconds(600)))),
                forged("access-token use", claims -> claims.claim("token_use", "access")),
                forged("without token use", claims -> claims.claim("token_use", null)),
                forged("two role groups", claims -> claims.claim("cognito:groups", List.of("tenant-admins", "members"))),
                forged("no role group", claims -> claims.claim("cognito:groups", List.of("auditors"))),
                forged("without groups", claims -> claims.claim("cognito:groups", null)),
                forged("platform admin with a tenant", claims -> claims.claim("cognito:groups", List.of("platform-admins"))),
                forged("tenant role without a tenant", claims -> claims.claim("custom:tenantId", null)),
                forged("malformed tenant id", claims -> claims.claim("custom:tenantId", "TENANT#demo")),
                forged("another issuer", claims -> claims.issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SomeOtherPool")),
                forged("the issuer with a trailing slash", claims -> claims.issuer(Emulator.issuer() + "/")),
                forged("the issuer over http", claims -> claims.issuer(Emulator.issuer().replace("https://", "http://"))),
                forged("the bare pool id as issuer", claims -> claims.issuer(Emulator.issuer().substring(Emulator.issuer().lastIndexOf('/') + 1))),
                forged("another audience", claims -> claims.audience("another-app-client")),
                new Attack("signed by another key", () -> ForgedTokens.signedWithAnotherKey(ForgedTokens.validIdTokenClaims().build())),
                new Attack("signed with PS256", () -> ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims().build(), JWSAlgorithm.PS256)),
                new Attack("signed with RS512", () -> ForgedTokens.signedWithEmulatorKey(ForgedTokens.validIdTokenClaims().build(), JWSAlgorithm.RS512)),
                new Attack("unsigned (alg none)", () -> ForgedTokens.unsigned(ForgedTokens.validIdTokenClaims().build())),
                new Attack("a real access token", () -> Emulator.demoAdminTokens().accessToken()),
                new Attack("a real refresh token", () -> Emulator.demoAdminTokens().refreshToken()),
                new Attack("garbage", () -> "not.a.jwt"));
    }

    private static Attack forged(String name, java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
        return new Attack(name, () -> ForgedTokens.signedWithEmulatorKey(change.apply(ForgedTokens.validIdTokenClaims()).build()));
    }
}
