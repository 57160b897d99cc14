package io.tessera.core.secrets;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SealsTest {

    private final Seals seals = new Seals(() -> "s".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void aSealOpensToItsValueForTheSamePurposeAndContextOnly() {
        String sealed = seals.seal("challenge", "alice@example.test", "cognito-session");

        assertThat(sealed).matches("[A-Za-z0-9_-]+").doesNotContain("cognito");
        assertThat(seals.open("challenge", "alice@example.test", sealed)).contains("cognito-session");
        assertThat(seals.open("challenge", "mallory@example.test", sealed)).isEmpty();
        assertThat(seals.open("cursor", "alice@example.test", sealed)).isEmpty();
    }

    @Test
    void anAlteredTruncatedOrMadeUpSealDoesNotOpen() {
        String sealed = seals.seal("challenge", "alice", "value");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed);
        bytes[bytes.length / 2] ^= 1;

        assertThat(seals.open("challenge", "alice", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
        assertThat(seals.open("challenge", "alice", sealed.substring(0, sealed.length() - 4))).isEmpty();
        assertThat(seals.open("challenge", "alice", "not base64 at all!")).isEmpty();
        assertThat(seals.open("challenge", "alice", "")).isEmpty();
        assertThat(seals.open("challenge", "alice", "A".repeat(20_000))).isEmpty();
    }

    @Test
    void aSealIsDifferentEachTimeAndUnderAnotherKeyDoesNotOpen() {
        Seals otherKey = new Seals(() -> "t".repeat(32).getBytes(StandardCharsets.UTF_8));

        assertThat(seals.seal("p", "c", "v")).isNotEqualTo(seals.seal("p", "c", "v"));
        assertThat(otherKey.open("p", "c", seals.seal("p", "c", "v"))).isEmpty();
    }

    @Test
    void eachPurposeDerivesItsOwnKey() {
        SigningKey key = () -> "s".repeat(32).getBytes(StandardCharsets.UTF_8);

        assertThat(key.derive("page-cursor")).hasSize(32).isNotEqualTo(key.derive("seal:challenge"));
    }
}
