package io.tessera.e2e.support;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small but real files of each type the uploads allowlist admits, and one that is none of them. */
public final class SampleFiles {

    /** An HTML page with a script: what must never be served as an image or as plain text. */
    public static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    private SampleFiles() {
    }

    /** A real PNG of {@code width} × {@code height} pixels. */
    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    /** A real file of each allowlisted content type, by type. */
    public static Map<String, byte[]> ofEveryAllowedType() {
        return Map.of(
                "image/png", png(8, 8),
                "image/jpeg", image("jpeg", 8, 8),
                "image/gif", image("gif", 8, 8),
                // The smallest WebP header: RIFF container, WEBP form, a VP8 chunk.
                "image/webp", "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1),
                "application/pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1),
                "text/csv", "sku,name,price\nA-1,Cup,12.50\n".getBytes(StandardCharsets.UTF_8),
                "text/plain", "Delivery notes: leave at the back door.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] image(String format, int width, int height) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
