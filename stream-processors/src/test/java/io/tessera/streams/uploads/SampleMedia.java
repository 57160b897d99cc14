package io.tessera.streams.uploads;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images and PDFs made for the tests: real ones, one with location metadata, and a decompression bomb. */
final class SampleMedia {

    static final String LOCATION = "GPSLatitude 48.8584 N GPSLongitude 2.2945 E";

    private SampleMedia() {
    }

    /** A real image of {@code width} × {@code height} pixels, a red rectangle on blue, in an ImageIO format ("png", "jpeg", "gif"). */
    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLUE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.RED);
        graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A real JPEG carrying an EXIF segment (APP1) that names a location, as a phone's photo does. */
    static byte[] jpegWithLocation(int width, int height) {
        byte[] jpeg = image("jpeg", width, height);
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
     * A PNG of a few dozen bytes whose header (IHDR) declares {@code width} × {@code height} pixels,
     * with one compressed row of data: what a decompression bomb looks like to a decoder.
     */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 16]);
        deflater.finish();
        byte[] compressed = new byte[256];
        int length = deflater.deflate(compressed);
        deflater.end();
        chunk(png, "IDAT", java.util.Arrays.copyOf(compressed, length));
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
    static byte[] pdf(int pages) {
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
}
