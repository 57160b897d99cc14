package io.tessera.core.uploads;

import java.util.Optional;

/**
 * What the media processor decodes at most. A small file can declare a huge image (a
 * decompression bomb: a PNG of 100,000 × 100,000 pixels compresses to kilobytes and decodes to 40
 * GB), so the dimensions are read from the header first and an image over the limit is refused
 * before a pixel is decoded.
 */
public final class ImageLimits {

    /** 40 megapixels: a 7,500 × 5,300 photograph; 160 MiB of 4-byte pixels once decoded. */
    public static final long MAX_PIXELS = 40_000_000L;

    private ImageLimits() {
    }

    /** Why an image of {@code width} × {@code height} pixels is not decoded, or empty if it may be. */
    public static Optional<String> refusal(int width, int height) {
        long pixels = (long) width * height;
        return pixels > MAX_PIXELS
                ? Optional.of("The image declares " + width + " × " + height + " pixels; at most " + MAX_PIXELS + " pixels are processed.")
                : Optional.empty();
    }
}
