package io.tessera.core.data.connections;

import java.time.Instant;
import java.util.Set;

/**
 * A WebSocket connection, registered once a verified ID token opened it.
 *
 * @param roles         the {@code cognito:groups} of the token it was opened with
 * @param channels      the channels the client subscribed to
 * @param tokenIssuedAt the {@code iat} of the token it was opened with
 * @param expiresAt     when the connection's authority runs out: the token's {@code exp}, or API
 *                      Gateway's two-hour limit on a connection if that comes first
 */
public record Connection(String connectionId, String tenantId, String userId, Set<String> roles, Set<String> channels,
                         Instant connectedAt, Instant tokenIssuedAt, Instant expiresAt) {

    public Connection {
        roles = Set.copyOf(roles);
        channels = Set.copyOf(channels);
    }

    /** @param channel a channel's wire name, e.g. {@code orders} */
    public boolean isSubscribedTo(String channel) {
        return channels.contains(channel);
    }

    public Connection withChannels(Set<String> newChannels) {
        return new Connection(connectionId, tenantId, userId, roles, newChannels, connectedAt, tokenIssuedAt, expiresAt);
    }
}
