package io.tessera.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenSignatureValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Remembers for a few minutes which tokens had a good signature, so that a client sending the same
 * ID token on every request costs one RSA verification, not one per request (it was most of the
 * CPU of an authenticated request; see bench/RESULTS.md). The key is the whole token as sent: any
 * change to header, claims or signature is a different token and is verified afresh. Only the
 * signature is remembered; expiry, issuer, audience and token use are checked on every request.
 * A refused signature is never remembered, and only RS256 signatures are accepted at all. Each part
 * of the token must be spelled as RFC 7515 §2 requires (base64url, no padding, no stray bits), so
 * that one token has one spelling: decoders that forgive {@code =}, {@code +/} or unused bits would
 * otherwise accept hundreds of variants of it.
 */
@Singleton
class VerifiedSignatures implements BeanCreatedEventListener<ReactiveJsonWebTokenSignatureValidator<SignedJWT>> {

    /** How long a signing key removed from the JWKS still counts for tokens it was seen to sign. */
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final int MAX_TOKENS = 10_000;
    /** The only algorithm Cognito signs with; the same RSA key would also verify PS256 or RS512 signatures. */
    private static final JWSAlgorithm COGNITO_ALGORITHM = JWSAlgorithm.RS256;

    @Override
    public ReactiveJsonWebTokenSignatureValidator<SignedJWT> onCreated(
            BeanCreatedEvent<ReactiveJsonWebTokenSignatureValidator<SignedJWT>> event) {
        return remembering(event.getBean());
    }

    static ReactiveJsonWebTokenSignatureValidator<SignedJWT> remembering(ReactiveJsonWebTokenSignatureValidator<SignedJWT> verifier) {
        Cache<String, Boolean> verified = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBERED_FOR)
                .maximumSize(MAX_TOKENS)
                .build();
        return token -> {
            if (!COGNITO_ALGORITHM.equals(token.getHeader().getAlgorithm()) || !canonical(token.getParsedParts())) {
                return Mono.just(false);
            }
            String sent = token.getParsedString();
            if (sent != null && verified.getIfPresent(sent) != null) {
                return Mono.just(true);
            }
            return Mono.from(verifier.validateSignature(token)).doOnNext(valid -> {
                if (valid && sent != null) {
                    verified.put(sent, true);
                }
            });
        };
    }

    /** Whether every part is the base64url encoding of its own bytes, character for character. */
    static boolean canonical(Base64URL[] parts) {
        for (Base64URL part : parts) {
            if (!Base64URL.encode(part.decode()).toString().equals(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
