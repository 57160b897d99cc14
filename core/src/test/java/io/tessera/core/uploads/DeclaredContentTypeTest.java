package io.tessera.core.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredContentTypeTest {

    @Test
    void bytesMustBeOfTheDeclaredType() {
        assertThat(UploadCompletion.bytesAre("image/png", "image/png")).isTrue();
        assertThat(UploadCompletion.bytesAre("image/png", "text/html")).isFalse();
        assertThat(UploadCompletion.bytesAre("image/png", "image/jpeg")).isFalse();
        assertThat(UploadCompletion.bytesAre("application/pdf", "application/octet-stream")).isFalse();
    }

    @Test
    void textTypesAcceptPlainTextButNotMarkup() {
        assertThat(UploadCompletion.bytesAre("text/csv", "text/plain")).isTrue();
        assertThat(UploadCompletion.bytesAre("text/plain", "text/plain")).isTrue();
        assertThat(UploadCompletion.bytesAre("text/plain", "text/html")).isFalse();
        assertThat(UploadCompletion.bytesAre("image/png", "text/plain")).isFalse();
    }
}
