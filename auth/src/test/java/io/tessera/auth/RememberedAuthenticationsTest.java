package io.tessera.auth;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedAuthenticationsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    /** Accepts "good-*" tokens, expiring at the epoch second after the dash; counts its calls. */
    private static final class CountingValidator implements ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Publisher<JWT> validate(String token, HttpRequest<?> request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
            calls.incrementAndGet();
            if (!token.startsWith("good-")) {
                return Mono.empty();
            }
            long exp = Long.parseLong(token.substring("good-".length()));
            return Mono.just(Authentication.build("user", Map.of("exp", exp)));
        }
    }

    private final CountingValidator validator = new CountingValidator();
    private final MovableClock clock = new MovableClock();
    private final RememberedAuthentications remembered = new RememberedAuthentications(validator, clock);

    @Test
    void aTokenAcceptedOnceIsNotValidatedAgainWhileItLives() {
        String token = "good-" + NOW.plusSeconds(3600).getEpochSecond();

        Authentication first = Mono.from(remembered.validateToken(token, null)).block();
        Authentication second = Mono.from(remembered.validateToken(token, null)).block();

        assertThat(second).isSameAs(first);
        assertThat(validator.calls).hasValue(1);
    }

    @Test
    void aRememberedTokenIsValidatedAfreshOnceItExpires() {
        String token = "good-" + NOW.plusSeconds(60).getEpochSecond();
        Mono.from(remembered.validateToken(token, null)).block();

        clock.now = NOW.plusSeconds(60);
        Mono.from(remembered.validateToken(token, null)).block();

        assertThat(validator.calls).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThat(Mono.from(remembered.validateToken("forged", null)).block()).isNull();
        assertThat(Mono.from(remembered.validateToken("forged", null)).block()).isNull();

        assertThat(validator.calls).hasValue(2);
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
