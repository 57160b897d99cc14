package io.tessera.realtime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The protocol's own messages (documented in asyncapi.yaml): what clients send, and the replies
 * to it. Every server message has a {@code type}; pushed messages are in
 * {@link io.tessera.core.push.ServerMessages}.
 */
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
}
