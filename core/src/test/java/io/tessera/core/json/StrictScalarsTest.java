package io.tessera.core.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictScalarsTest {

    @Test
    void textWithPairedSurrogatesIsUnicodeText() {
        assertThat(StrictScalars.isUnicodeText("")).isTrue();
        assertThat(StrictScalars.isUnicodeText("Widget 😀 ünïcode")).isTrue();
        assertThat(StrictScalars.isUnicodeText("😀".repeat(150))).isTrue();
    }

    @Test
    void unpairedSurrogatesAreNotUnicodeText() {
        assertThat(StrictScalars.isUnicodeText("x\ud800")).isFalse();
        assertThat(StrictScalars.isUnicodeText("\udc00x")).isFalse();
        assertThat(StrictScalars.isUnicodeText("\ud800\ud800\udc00")).isFalse();
        assertThat(StrictScalars.isUnicodeText("\ud83d\ude00\ude00")).isFalse();
    }
}
