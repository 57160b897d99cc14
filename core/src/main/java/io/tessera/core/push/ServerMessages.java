package io.tessera.core.push;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The messages pushed to subscribed clients (documented in asyncapi.yaml). Every one has a {@code type}. */
public final class ServerMessages {

    private ServerMessages() {
    }

    /** {@code order.created} or {@code order.status_changed}. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderChanged(String type, String eventId, String orderId, String ownerId,
                               @Nullable String previousStatus, String status, long version,
                               long totalMinor, String currency, String occurredAt) {
    }

    /** {@code upload.completed}: the object arrived and was accepted (UPLOADED) or refused (REJECTED). */
    @Serdeable
    public record UploadCompleted(String type, String uploadId, String fileName, String status,
                                  @Nullable Long sizeBytes, @Nullable String rejectionReason) {
    }

    /**
     * {@code upload.processed}: the media processor read an UPLOADED image's dimensions and made its
     * thumbnails, or a PDF's page count (PROCESSED), or refused the file with a reason (REFUSED).
     */
    @Serdeable
    public record UploadProcessed(String type, String uploadId, String fileName, String status, @Nullable String reason,
                                  @Nullable Integer width, @Nullable Integer height, @Nullable Integer pageCount) {
    }
}
