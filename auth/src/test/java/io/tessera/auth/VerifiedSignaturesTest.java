package io.tessera.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenSignatureValidator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedSignaturesTest {

    private static final RSAKey KEY = rsaKey();

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<String> verifiedByDelegate = new ArrayList<>();

    private ReactiveJsonWebTokenSignatureValidator<SignedJWT> verifierAccepting(String goodSubject) {
        return token -> {
            verifiedByDelegate.add(token.getParsedString());
            try {
                return Mono.just(token.getJWTClaimsSet().getSubject().equals(goodSubject));
            } catch (ParseException e) {
                return Mono.error(e);
            }
        };
    }

    @Test
    void theSameTokenSentAgainIsNotVerifiedAgain() throws Exception {
        var verifier = VerifiedSignatures.remembering(verifierAccepting("alice"));
        String token = token("alice");

        assertThat(verify(verifier, token)).isTrue();
        assertThat(verify(verifier, token)).isTrue();

        assertThat(verifiedByDelegate).containsExactly(token);
    }

    @Test
    void aRefusedSignatureIsVerifiedAgainEveryTime() throws Exception {
        var verifier = VerifiedSignatures.remembering(verifierAccepting("alice"));
        String token = token("mallory");

        assertThat(verify(verifier, token)).isFalse();
        assertThat(verify(verifier, token)).isFalse();

        assertThat(verifiedByDelegate).containsExactly(token, token);
    }

    @Test
    void aTokenChangedAfterAGoodOneIsVerifiedOnItsOwn() throws Exception {
        var verifier = VerifiedSignatures.remembering(verifierAccepting("alice"));
        String good = token("alice");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + token("mallory").split("\\.")[1] + "." + parts[2];

        assertThat(verify(verifier, good)).isTrue();
        assertThat(verify(verifier, tampered)).isFalse();

        assertThat(verifiedByDelegate).containsExactly(good, tampered);
    }

    private static boolean verify(ReactiveJsonWebTokenSignatureValidator<SignedJWT> verifier, String token) throws ParseException {
        return Mono.from(verifier.validateSignature(SignedJWT.parse(token))).block();
    }

    @Test
    void aSignatureByAnotherAlgorithmThanCognitosRs256IsRefusedWithoutVerifyingIt() throws Exception {
        var verifier = VerifiedSignatures.remembering(verifierAccepting("alice"));

        for (JWSAlgorithm other : List.of(JWSAlgorithm.PS256, JWSAlgorithm.RS512)) {
            assertThat(verify(verifier, token("alice", other))).isFalse();
        }
        assertThat(verifiedByDelegate).isEmpty();
    }

    @Test
    void anotherSpellingOfAGoodTokensSignatureIsRefusedWithoutVerifyingIt() throws Exception {
        var verifier = VerifiedSignatures.remembering(verifierAccepting("alice"));
        String good = token("alice");
        String head = good.substring(0, good.lastIndexOf('.') + 1);
        String signature = good.substring(good.lastIndexOf('.') + 1);
        String standardAlphabet = Base64.getEncoder().withoutPadding()
                .encodeToString(Base64.getUrlDecoder().decode(signature));
        // 256 bytes take 342 characters, whose last one carries 2 bits that must be zero.
        char last = signature.charAt(signature.length() - 1);
        String strayBits = signature.substring(0, signature.length() - 1) + (char) (last + 1);

        for (String variant : List.of(head + signature + "==", head + standardAlphabet, head + strayBits)) {
            if (!variant.equals(good)) {
                assertThat(verify(verifier, variant)).as(variant).isFalse();
            }
        }
        assertThat(verify(verifier, good)).isTrue();
        assertThat(verifiedByDelegate).containsExactly(good);
    }

    private static String token(String subject) throws JOSEException {
        return token(subject, JWSAlgorithm.RS256);
    }

    private static String token(String subject, JWSAlgorithm algorithm) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), new JWTClaimsSet.Builder().subject(subject).build());
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }
}
