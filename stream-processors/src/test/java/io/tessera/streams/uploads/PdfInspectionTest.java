package io.tessera.streams.uploads;

import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ProcessingStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PdfInspectionTest {

    @Test
    void aPdfsPagesAreCounted() {
        assertThat(PdfInspection.inspect(SampleMedia.pdf(3))).isEqualTo(Processing.document(3));
    }

    @Test
    void aPdfEncryptedByItsOwnerIsRefusedEvenWhenItOpensWithoutAPassword() throws IOException {
        for (String userPassword : new String[] {"", "secret"}) {
            Processing processing = PdfInspection.inspect(encrypted(SampleMedia.pdf(2), userPassword));

            assertThat(processing.status()).as("user password '%s'", userPassword).isEqualTo(ProcessingStatus.REFUSED);
            assertThat(processing.reason()).contains("PDF is");
        }
    }

    private static byte[] encrypted(byte[] pdf, String userPassword) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void bytesThatAreNoPdfAreRefused() {
        Processing processing = PdfInspection.inspect("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(processing.status()).isEqualTo(ProcessingStatus.REFUSED);
        assertThat(processing.reason()).startsWith("The file is not a readable PDF");
    }
}
