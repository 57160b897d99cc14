package io.tessera.core.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static boolean trailing(String text) {
        return JsonText.hasContentAfterTheValue(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneValueWithWhiteSpaceAroundItIsAWholeText() {
        assertThat(trailing("{\"a\":[1,{\"b\":null}]}")).isFalse();
        assertThat(trailing(" \r\n\t{\"a\":1} \n")).isFalse();
        assertThat(trailing("[]")).isFalse();
        assertThat(trailing("\"text\"")).isFalse();
    }

    @Test
    void anythingAfterTheValueIsTrailingContent() {
        assertThat(trailing("{\"a\":1}garbage")).isTrue();
        assertThat(trailing("{\"lines\":[]}{\"lines\":[{\"productId\":\"x\"}]}")).isTrue();
        assertThat(trailing("{}]")).isTrue();
        assertThat(trailing("{} 1")).isTrue();
        assertThat(trailing("{\"action\":\"ping\"}xyz")).isTrue();
    }

    @Test
    void aMalformedOrMissingFirstValueIsLeftToTheParser() {
        assertThat(trailing("")).isFalse();
        assertThat(trailing("{\"a\":")).isFalse();
        assertThat(trailing("{\"a\":NaN}")).isFalse();
    }
}
