package io.tessera.core.data.connections;

import java.time.Instant;
import java.util.Set;

/**
 * A WebSocket connection, written when a verified token opened it.
 *
 * @param channels  the channels the client subscribed to
 * @param expiresAt epoch seconds; API Gateway closes connections after two hours
 */
public record Connection(String connectionId, String tenantId, String userId, Set<String> roles, Set<String> channels,
                         Instant connectedAt, long expiresAt) {

    public boolean isSubscribedTo(String channel) {
        return channels.contains(channel);
    }
}
