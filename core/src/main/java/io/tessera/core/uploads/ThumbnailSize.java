package io.tessera.core.uploads;

import java.util.List;

/**
 * A thumbnail's size: its longest side in pixels. An image is scaled to fit, keeping its aspect
 * ratio, and never enlarged: an image smaller than the size keeps its own.
 */
public record ThumbnailSize(int longestSide) {

    /** The sizes made of every image: a list icon and a preview. */
    public static final List<ThumbnailSize> ALL = List.of(new ThumbnailSize(128), new ThumbnailSize(512));

    public ThumbnailSize {
        if (longestSide < 1) {
            throw new IllegalArgumentException("a thumbnail has at least one pixel: " + longestSide);
        }
    }

    /** Width and height in pixels. */
    public record Dimensions(int width, int height) {
    }

    /**
     * The dimensions of the thumbnail of a {@code width} × {@code height} image: the longest side
     * becomes at most {@link #longestSide}, the other is scaled by the same factor (rounded, at least 1).
     */
    public Dimensions fit(int width, int height) {
        int longest = Math.max(width, height);
        if (longest <= longestSide) {
            return new Dimensions(width, height);
        }
        double scale = (double) longestSide / longest;
        return new Dimensions(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }
}
