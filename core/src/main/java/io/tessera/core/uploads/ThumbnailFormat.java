package io.tessera.core.uploads;

/**
 * How a thumbnail is encoded: a photograph (JPEG) stays JPEG, anything else (PNG, GIF: sharp edges,
 * transparency) becomes PNG. Either way it is a new encoding of the pixels alone, so no metadata of
 * the original (EXIF, GPS location, comments) reaches it.
 *
 * @param extension  the key's extension
 * @param imageIoName the name of the JDK's ImageIO writer
 * @param mediaType  the object's {@code Content-Type}
 */
public enum ThumbnailFormat {
    PNG("png", "png", "image/png"),
    JPEG("jpg", "jpeg", "image/jpeg");

    private final String extension;
    private final String imageIoName;
    private final String mediaType;

    ThumbnailFormat(String extension, String imageIoName, String mediaType) {
        this.extension = extension;
        this.imageIoName = imageIoName;
        this.mediaType = mediaType;
    }

    /** The thumbnails' format for an upload of {@code contentType}. */
    public static ThumbnailFormat of(String contentType) {
        return contentType.equals("image/jpeg") ? JPEG : PNG;
    }

    public String extension() {
        return extension;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String mediaType() {
        return mediaType;
    }
}
