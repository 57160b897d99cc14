package io.tessera.core.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailSizeTest {

    private static final ThumbnailSize SMALL = new ThumbnailSize(128);

    @Test
    void aLandscapeImagesWidthBecomesTheSizeAndItsHeightKeepsTheAspectRatio() {
        assertThat(SMALL.fit(4000, 3000)).isEqualTo(new ThumbnailSize.Dimensions(128, 96));
    }

    @Test
    void aPortraitImagesHeightBecomesTheSize() {
        assertThat(SMALL.fit(1000, 2000)).isEqualTo(new ThumbnailSize.Dimensions(64, 128));
    }

    @Test
    void anImageNoLargerThanTheSizeIsNeverEnlarged() {
        assertThat(SMALL.fit(100, 40)).isEqualTo(new ThumbnailSize.Dimensions(100, 40));
        assertThat(SMALL.fit(128, 128)).isEqualTo(new ThumbnailSize.Dimensions(128, 128));
    }

    @Test
    void aVeryThinImageKeepsAtLeastOnePixelOnItsShortSide() {
        assertThat(SMALL.fit(10_000, 3)).isEqualTo(new ThumbnailSize.Dimensions(128, 1));
    }

    @Test
    void theSizesAre128And512Pixels() {
        assertThat(ThumbnailSize.ALL).extracting(ThumbnailSize::longestSide).containsExactly(128, 512);
    }

    @Test
    void aSizeHasAtLeastOnePixel() {
        assertThatThrownBy(() -> new ThumbnailSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
