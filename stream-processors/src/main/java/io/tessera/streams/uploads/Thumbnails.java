package io.tessera.streams.uploads;

import io.tessera.core.uploads.ThumbnailFormat;
import io.tessera.core.uploads.ThumbnailSize;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a decoded image again at a thumbnail's size and encodes it with the JDK's ImageIO: only
 * pixels are drawn, so nothing of the original's metadata (EXIF, GPS location, comments, colour
 * profile) is carried over.
 */
final class Thumbnails {

    private Thumbnails() {
    }

    /**
     * The thumbnail of {@code image} at {@code size}, encoded as {@code format}. The image is halved
     * step by step with bilinear interpolation down to the size (one bilinear step from far above
     * would skip most pixels and alias).
     */
    static byte[] of(BufferedImage image, ThumbnailSize size, ThumbnailFormat format) {
        ThumbnailSize.Dimensions target = size.fit(image.getWidth(), image.getHeight());
        boolean alpha = format == ThumbnailFormat.PNG;
        BufferedImage current = image;
        int width = image.getWidth();
        int height = image.getHeight();
        do {
            width = Math.max(target.width(), width / 2);
            height = Math.max(target.height(), height / 2);
            current = drawn(current, width, height, alpha);
        } while (width != target.width() || height != target.height());
        return encoded(current, format);
    }

    private static BufferedImage drawn(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                // JPEG has no transparency: what was transparent becomes white, not black.
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] encoded(BufferedImage image, ThumbnailFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format.imageIoName(), bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format.imageIoName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
