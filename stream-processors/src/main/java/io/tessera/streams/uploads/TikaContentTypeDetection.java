package io.tessera.streams.uploads;

import io.tessera.core.uploads.ContentTypeDetection;
import jakarta.inject.Singleton;
import org.apache.tika.Tika;

/**
 * {@link ContentTypeDetection} by Apache Tika's detector (tika-core: file signatures from Tika's
 * MIME type registry, and its text detection), with no file name, so that a name cannot steer it.
 */
@Singleton
class TikaContentTypeDetection implements ContentTypeDetection {

    private final Tika tika = new Tika();

    @Override
    public String detect(byte[] head) {
        return tika.detect(head);
    }
}
