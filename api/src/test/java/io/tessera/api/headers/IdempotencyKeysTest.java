package io.tessera.api.headers;

import io.tessera.core.problems.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void theDraftsQuotedStringAndTheBareTokenNameTheSameKey() {
        assertThat(IdempotencyKeys.parse("\"8e03978e-40d5\"")).isEqualTo("8e03978e-40d5");
        assertThat(IdempotencyKeys.parse("8e03978e-40d5")).isEqualTo("8e03978e-40d5");
    }

    @Test
    void aQuotedKeyMayHoldAnyPrintableAsciiWithEscapes() {
        assertThat(IdempotencyKeys.parse("\"order 42/b.1\"")).isEqualTo("order 42/b.1");
        assertThat(IdempotencyKeys.parse("\"say \\\"hi\\\" \\\\o/\"")).isEqualTo("say \"hi\" \\o/");
    }

    @Test
    void missingEmptyOverlongAndMalformedKeysAreRefused() {
        for (String bad : new String[]{null, "", "\"\"", "\"" + "k".repeat(256) + "\"", "k".repeat(129), "two words", "\"unterminated",
                "\"ünïcode\"", "\"a\"b\"", "a,b"}) {
            assertThatThrownBy(() -> IdempotencyKeys.parse(bad)).isInstanceOf(BadRequestException.class);
        }
    }
}
