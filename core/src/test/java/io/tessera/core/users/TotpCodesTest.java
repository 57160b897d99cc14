package io.tessera.core.users;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpCodesTest {

    /** RFC 6238 Appendix B's SHA-1 seed "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void theCodesAreTheLastSixDigitsOfRfc6238sTestVectors() {
        assertThat(TotpCodes.at(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(TotpCodes.at(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(TotpCodes.at(RFC_SECRET, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
    }

    @Test
    void base32IgnoresCaseAndPadding() {
        assertThat(TotpCodes.decode("gezdgnbvgy3tqojq====")).isEqualTo("1234567890".getBytes(StandardCharsets.US_ASCII));
    }
}
