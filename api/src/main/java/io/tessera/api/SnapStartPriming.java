package io.tessera.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.ApplicationContext;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Primes the API function before Lambda takes its SnapStart snapshot, so that a restored function
 * answers its first request without fetching keys or loading the request path's classes: fetches
 * every configured JWKS into Micronaut's key cache, and sends two synthetic requests through the
 * handler ({@code GET /health}, which calls DynamoDB, and {@code GET /me} with a token no key
 * signed, which runs the token checks and is refused). Registered with the CRaC API's global
 * context, which Lambda's runtime calls before the snapshot ("Lambda SnapStart runtime hooks for
 * Java", AWS Lambda Developer Guide). A failed priming step is logged and skipped: a snapshot
 * without it is slower, not wrong.
 */
final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final Duration KEYS_TIMEOUT = Duration.ofSeconds(5);
    /** A well-formed RS256 JWT with a key id no JWKS holds and a signature of zeros. */
    private static final String UNSIGNED_TOKEN =
            "eyJhbGciOiJSUzI1NiIsImtpZCI6InByaW1pbmcifQ.eyJzdWIiOiJwcmltaW5nIn0.AAAAAAAAAAAAAAAAAAAAAA";

    private final ApiFunction function;

    /** The answers' status codes of the last priming, in the order the requests were sent. */
    private final List<Integer> answered = new ArrayList<>();

    SnapStartPriming(ApiFunction function) {
        this.function = function;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        answered.clear();
        fetchSigningKeys(function.getApplicationContext());
        send("/health", Map.of());
        send("/me", Map.of("Authorization", "Bearer " + UNSIGNED_TOKEN));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SDK's credentials and connections recover on their own after a restore.
    }

    List<Integer> answered() {
        return List.copyOf(answered);
    }

    @SuppressWarnings("unchecked")
    private static void fetchSigningKeys(ApplicationContext context) {
        JwkSetFetcher<JWKSet> fetcher = context.getBean(JwkSetFetcher.class);
        for (JwksSignatureConfiguration keys : context.getBeansOfType(JwksSignatureConfiguration.class)) {
            try {
                Mono.from(fetcher.fetch(keys.getName(), keys.getUrl())).block(KEYS_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warn("SnapStart priming could not fetch the signing keys {}", keys.getName(), e);
            }
        }
    }

    private void send(String path, Map<String, String> headers) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath(path)
                .withResource(path)
                .withHeaders(headers)
                .withMultiValueHeaders(multiValued(headers))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withHttpMethod("GET")
                        .withPath(path)
                        .withRequestId("snapstart-priming")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("127.0.0.1")));
        try {
            answered.add(function.handleRequest(event, null).getStatusCode());
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming request GET {} failed", path, e);
        }
    }

    private static Map<String, List<String>> multiValued(Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }
}
