package io.tessera.streams.uploads;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TikaContentTypeDetectionTest {

    private final TikaContentTypeDetection detection = new TikaContentTypeDetection();

    private static byte[] image(String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, bytes);
        return bytes.toByteArray();
    }

    @Test
    void imagesAreKnownByTheirSignature() throws IOException {
        for (String format : new String[]{"png", "jpeg", "gif"}) {
            assertThat(detection.detect(image(format))).isEqualTo("image/" + format);
        }
    }

    @Test
    void pdfAndWebpAreKnownByTheirSignature() {
        assertThat(detection.detect("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/pdf");
        assertThat(detection.detect("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/webp");
    }

    @Test
    void anHtmlPageIsHtmlWhateverItWasCalled() {
        assertThat(detection.detect("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/html");
        assertThat(detection.detect("<html><head><title>x</title></head></html>".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/html");
    }

    @Test
    void csvAndProseArePlainTextAndAFakePngHeaderIsNotAPng() {
        assertThat(detection.detect("sku,name,price\nA-1,Cup,12.50\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(detection.detect("\u0089PNG but not really".getBytes(StandardCharsets.ISO_8859_1))).isNotEqualTo("image/png");
    }
}
