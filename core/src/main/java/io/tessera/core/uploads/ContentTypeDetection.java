package io.tessera.core.uploads;

/**
 * What an uploaded object really is, judged from its first bytes (file signatures, "magic
 * numbers"), never from its name or the type its uploader declared.
 */
public interface ContentTypeDetection {

    /** How many leading bytes of an object {@link #detect} wants. */
    int HEAD_BYTES = 64 * 1024;

    /**
     * @param head the object's first bytes, at most {@link #HEAD_BYTES}
     * @return the media type without parameters, e.g. {@code image/png}, {@code text/html},
     *         {@code text/plain}, or {@code application/octet-stream} for bytes it does not recognise
     */
    String detect(byte[] head);
}
