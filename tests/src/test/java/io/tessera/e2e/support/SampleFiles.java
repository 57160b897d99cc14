package io.tessera.e2e.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Small but real files of each type the uploads allowlist admits, one that is none of them, and a decompression bomb. */
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

    /** A real JPEG of {@code width} × {@code height} pixels. */
    public static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    /** What {@link #jpegWithLocation} hides in its EXIF segment. */
    public static final String LOCATION = "GPSLatitude 48.8584 N GPSLongitude 2.2945 E";

    /** A real JPEG carrying an EXIF segment (APP1) that names a location, as a phone's photo does. */
    public static byte[] jpegWithLocation(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        byte[] exif = ("Exif\0\0" + LOCATION).getBytes(StandardCharsets.ISO_8859_1);
        // After SOI and the JFIF segment (APP0) the JDK's writer starts with, as in a camera's file.
        int afterApp0 = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        ByteBuffer tagged = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        tagged.put(jpeg, 0, afterApp0);
        tagged.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        tagged.put(jpeg, afterApp0, jpeg.length - afterApp0);
        return tagged.array();
    }

    /**
     * A PNG of a few dozen bytes whose header (IHDR, with a correct CRC) declares {@code width} ×
     * {@code height} pixels, followed by one compressed row: a decompression bomb.
     */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 16]);
        deflater.finish();
        byte[] compressed = new byte[256];
        int length = deflater.deflate(compressed);
        deflater.end();
        chunk(png, "IDAT", Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A well-formed PDF of {@code pages} empty pages (ISO 32000: catalog, page tree, pages, cross-reference table). */
    public static byte[] pdf(int pages) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        StringBuilder kids = new StringBuilder();
        for (int page = 0; page < pages; page++) {
            kids.append(page + 3).append(" 0 R ");
        }
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>"));
        for (int page = 0; page < pages; page++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        }
        for (int number = 1; number <= objects.size(); number++) {
            offsets.add(pdf.length());
            pdf.append(number).append(" 0 obj\n").append(objects.get(number - 1)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
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
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            graphics.setColor(Color.RED);
            graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
            graphics.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, format, bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
