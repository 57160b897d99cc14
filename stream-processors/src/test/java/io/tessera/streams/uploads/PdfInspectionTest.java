package io.tessera.streams.uploads;

import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ProcessingStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PdfInspectionTest {

    @Test
    void aPdfsPagesAreCounted() {
        assertThat(PdfInspection.inspect(SampleMedia.pdf(3))).isEqualTo(Processing.document(3));
    }

    @Test
    void bytesThatAreNoPdfAreRefused() {
        Processing processing = PdfInspection.inspect("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(processing.status()).isEqualTo(ProcessingStatus.REFUSED);
        assertThat(processing.reason()).startsWith("The file is not a readable PDF");
    }
}
