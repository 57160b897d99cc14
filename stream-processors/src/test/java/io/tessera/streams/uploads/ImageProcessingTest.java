package io.tessera.streams.uploads;

import io.tessera.core.uploads.Processing;
import io.tessera.core.uploads.ProcessingStatus;
import io.tessera.core.uploads.ThumbnailSize;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class ImageProcessingTest {

    private final Map<Integer, byte[]> stored = new LinkedHashMap<>();

    private Processing process(byte[] bytes, String contentType) {
        return ImageProcessing.process(bytes, contentType, (size, thumbnail) -> stored.put(size.longestSide(), thumbnail));
    }

    @Test
    void aPngGetsItsDimensionsAndTwoPngThumbnailsThatKeepItsAspectRatio() throws IOException {
        Processing processing = process(SampleMedia.image("png", 1000, 500), "image/png");

        assertThat(processing).isEqualTo(Processing.image(1000, 500, ThumbnailSize.ALL));
        assertThat(stored).containsOnlyKeys(128, 512);
        assertThat(decoded(stored.get(128))).satisfies(image -> assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(128, 64));
        assertThat(decoded(stored.get(512))).satisfies(image -> assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(512, 256));
        assertThat(stored.get(128)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aJpegsThumbnailsAreJpegsWithoutItsLocationMetadata() {
        byte[] photo = SampleMedia.jpegWithLocation(800, 600);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(SampleMedia.LOCATION);

        Processing processing = process(photo, "image/jpeg");

        assertThat(processing.status()).isEqualTo(ProcessingStatus.PROCESSED);
        assertThat(stored.values()).allSatisfy(thumbnail -> {
            assertThat(thumbnail).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(new String(thumbnail, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPSLatitude");
        });
    }

    @Test
    void aGifGetsPngThumbnails() {
        Processing processing = process(SampleMedia.image("gif", 300, 300), "image/gif");

        assertThat(processing).isEqualTo(Processing.image(300, 300, ThumbnailSize.ALL));
        assertThat(stored.get(512)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aPngWhoseHeaderDeclaresTenGigapixelsIsRefusedFromItsHeaderWithoutAThumbnail() {
        byte[] bomb = SampleMedia.pngDeclaring(100_000, 100_000);

        Processing processing = process(bomb, "image/png");

        assertThat(bomb.length).isLessThan(200);
        assertThat(processing).isEqualTo(Processing.refused(
                "The image declares 100000 × 100000 pixels; at most 40000000 pixels are processed.", 100_000, 100_000));
        assertThat(stored).isEmpty();
    }

    @Test
    void bytesThatAreNoImageOfTheDeclaredTypeAreRefused() {
        Processing html = process("<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "image/png");
        Processing pngAsJpeg = process(SampleMedia.image("png", 10, 10), "image/jpeg");

        assertThat(html.status()).isEqualTo(ProcessingStatus.REFUSED);
        assertThat(html.reason()).startsWith("The file's header is not that of an image of type image/png: ");
        assertThat(pngAsJpeg.status()).isEqualTo(ProcessingStatus.REFUSED);
        assertThat(stored).isEmpty();
    }

    @Test
    void anImageCutOffAfterItsHeaderIsRefusedWithItsDimensions() {
        byte[] png = SampleMedia.image("png", 64, 64);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);

        Processing processing = process(truncated, "image/png");

        assertThat(processing.status()).isEqualTo(ProcessingStatus.REFUSED);
        assertThat(processing.width()).isEqualTo(64);
        assertThat(stored).isEmpty();
    }

    private static BufferedImage decoded(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
