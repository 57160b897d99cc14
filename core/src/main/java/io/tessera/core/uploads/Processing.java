package io.tessera.core.uploads;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the media processor made of an UPLOADED image or PDF, recorded on its upload once.
 *
 * @param status         PROCESSED, or REFUSED with the {@code reason} (say, more pixels than
 *                       {@link ImageLimits#MAX_PIXELS} declared in the image's header)
 * @param width          an image's width in pixels, as its header declares it (also when refused for its size)
 * @param height         an image's height in pixels
 * @param pageCount      a PDF's number of pages
 * @param thumbnailSizes the thumbnails made of a PROCESSED image ({@link UploadKeys#thumbnail} says where)
 */
public record Processing(ProcessingStatus status, @Nullable String reason, @Nullable Integer width, @Nullable Integer height,
                         @Nullable Integer pageCount, List<ThumbnailSize> thumbnailSizes) {

    public Processing {
        thumbnailSizes = List.copyOf(thumbnailSizes);
    }

    /** A PROCESSED image of {@code width} × {@code height} pixels, with its thumbnails. */
    public static Processing image(int width, int height, List<ThumbnailSize> thumbnails) {
        return new Processing(ProcessingStatus.PROCESSED, null, width, height, null, thumbnails);
    }

    /** A PROCESSED PDF of {@code pageCount} pages. */
    public static Processing document(int pageCount) {
        return new Processing(ProcessingStatus.PROCESSED, null, null, null, pageCount, List.of());
    }

    /** REFUSED, with why; the dimensions when the header was read. */
    public static Processing refused(String reason, @Nullable Integer width, @Nullable Integer height) {
        return new Processing(ProcessingStatus.REFUSED, reason, width, height, null, List.of());
    }
}
