package io.tessera.streams.uploads;

import io.tessera.core.uploads.ImageLimits;
import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ThumbnailFormat;
import io.tessera.core.uploads.ThumbnailSize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An uploaded image's dimensions and thumbnails, with the JDK's ImageIO reader of its declared type
 * (PNG, JPEG, GIF). The header is read first ({@link ImageReader#getWidth}, {@link ImageReader#getHeight}
 * decode no pixel), and an image over {@link ImageLimits#MAX_PIXELS} is refused right there; bytes
 * that the declared type's reader cannot read are refused too, whatever the completion check said.
 */
final class ImageProcessing {

    private ImageProcessing() {
    }

    /**
     * @param bytes       the uploaded object
     * @param contentType its declared (and checked) type, e.g. {@code image/png}
     * @param store       receives each thumbnail's size and encoded bytes, in {@link ThumbnailFormat#of} the type
     * @return PROCESSED with the dimensions and the thumbnails stored, or REFUSED with why
     */
    static Processing process(byte[] bytes, String contentType, BiConsumer<ThumbnailSize, byte[]> store) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            return Processing.refused("No image decoder reads " + contentType + ".", null, null);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException unreadable) {
                return Processing.refused("The file's header is not that of an image of type " + contentType + ": " + unreadable.getMessage(), null, null);
            }
            Optional<String> tooLarge = ImageLimits.refusal(width, height);
            if (tooLarge.isPresent()) {
                return Processing.refused(tooLarge.get(), width, height);
            }
            BufferedImage image;
            try {
                image = reader.read(0);
            } catch (IOException | RuntimeException undecodable) {
                return Processing.refused("The image could not be decoded: " + undecodable.getMessage(), width, height);
            }
            ThumbnailFormat format = ThumbnailFormat.of(contentType);
            ThumbnailSize.ALL.forEach(size -> store.accept(size, Thumbnails.of(image, size, format)));
            return Processing.image(width, height, ThumbnailSize.ALL);
        } catch (IOException closing) {
            throw new IllegalStateException("closing an in-memory image stream failed", closing);
        } finally {
            reader.dispose();
        }
    }
}
