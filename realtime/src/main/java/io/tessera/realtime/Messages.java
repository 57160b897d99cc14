package io.tessera.realtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The protocol's messages (documented in asyncapi.yaml). Every server message has a {@code type}. */
public final class Messages {

    private Messages() {
    }

    /** {@code {"action":"subscribe"|"unsubscribe"|"ping","channel":...}}. */
    @Serdeable
    public record ClientMessage(String action, @Nullable String channel) {
    }

    @Serdeable
    public record Pong(String type) {
        public static Pong of() {
            return new Pong("pong");
        }
    }

    /** Acknowledges a subscribe or unsubscribe: {@code type} is {@code subscribed} or {@code unsubscribed}. */
    @Serdeable
    public record ChannelChange(String type, String channel) {
    }

    @Serdeable
    public record Error(String type, String message) {
        public static Error of(String message) {
            return new Error("error", message);
        }
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
}
