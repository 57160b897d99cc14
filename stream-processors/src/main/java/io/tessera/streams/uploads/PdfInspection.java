package io.tessera.streams.uploads;

import io.tessera.core.uploads.Processing;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;

/** An uploaded PDF's page count, read with Apache PDFBox (ISO 32000: the page tree's {@code /Count}). */
final class PdfInspection {

    private PdfInspection() {
    }

    /** PROCESSED with the page count, or REFUSED with why (encrypted, even with an empty password; not a readable PDF). */
    static Processing inspect(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            // An empty user password opens a file its owner encrypted all the same.
            if (document.isEncrypted()) {
                return Processing.refused("The PDF is encrypted; its pages were not counted.", null, null);
            }
            return Processing.document(document.getNumberOfPages());
        } catch (InvalidPasswordException encrypted) {
            return Processing.refused("The PDF is protected by a password; its pages were not counted.", null, null);
        } catch (IOException | RuntimeException unreadable) {
            return Processing.refused("The file is not a readable PDF: " + unreadable.getMessage(), null, null);
        }
    }
}
