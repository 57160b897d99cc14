package io.tessera.core.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageLimitsTest {

    @Test
    void anImageOfExactlyFortyMegapixelsIsDecoded() {
        assertThat(ImageLimits.refusal(8000, 5000)).isEmpty();
    }

    @Test
    void anImageOfOnePixelMoreIsRefusedWithItsDimensions() {
        assertThat(ImageLimits.refusal(40_000_001, 1)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("The image declares 40000001 × 1 pixels; at most 40000000 pixels are processed."));
    }

    @Test
    void dimensionsWhoseProductOverflowsAnIntAreRefused() {
        assertThat(ImageLimits.refusal(100_000, 100_000)).isPresent();
        assertThat(ImageLimits.refusal(Integer.MAX_VALUE, Integer.MAX_VALUE)).isPresent();
    }
}
