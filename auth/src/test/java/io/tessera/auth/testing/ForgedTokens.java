package io.tessera.auth.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.zip.GZIPInputStream;

/**
 * Builds ID tokens that look like Cognito's and differ in one way each. The emulator signs every
 * pool's tokens with one published test key ({@code MOTO_JWKS_PRIVATE} points at it), so a test
 * can sign a token the server will find correctly signed and still must refuse for its claims.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The claims of a real, current demo-admin ID token, to be altered by a test. */
    public static JWTClaimsSet.Builder validIdTokenClaims() {
        try {
            JWTClaimsSet real = SignedJWT.parse(Emulator.demoAdminTokens().idToken()).getJWTClaimsSet();
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder(real)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(3600)));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signedWithEmulatorKey(JWTClaimsSet claims) {
        return sign(emulatorKey(), JWSAlgorithm.RS256, claims);
    }

    /** Signed with the right key by another RSA algorithm than the RS256 Cognito uses. */
    public static String signedWithEmulatorKey(JWTClaimsSet claims, JWSAlgorithm algorithm) {
        return sign(emulatorKey(), algorithm, claims);
    }

    public static String signedWithAnotherKey(JWTClaimsSet claims) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID("dummy").generate(), JWSAlgorithm.RS256, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(new PlainHeader(), claims).serialize();
    }

    private static String sign(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey emulatorKey() {
        Path file = Path.of(Emulator.required("MOTO_JWKS_PRIVATE"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the emulator's signing key from " + file, e);
        }
    }
}
