package io.tessera.core.push;

import io.tessera.core.access.Revocation;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether connections of the current tenant still hold the authority they were opened with: the
 * token has not expired, and by what is stored now (read consistently, never cached), the tenant
 * is active and the user is still in it, enabled and in the token's role ({@link Revocation}).
 * Asked before every push and every client message, so that no connection whose authority ended
 * is served, however late the event that ends it arrives. Costs one batch read of the tenant and
 * the users concerned (one per 99 users), whatever the number of connections.
 */
@Singleton
public class ConnectionAuthority {

    private final UserDirectory users;
    private final Clock clock;

    ConnectionAuthority(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * @param current the connections that keep their authority
     * @param ended   the others, each with why it ends
     */
    public record Judgement(List<Connection> current, Map<Connection, Closing> ended) {
    }

    public Judgement judge(List<Connection> connections) {
        if (connections.isEmpty()) {
            return new Judgement(List.of(), Map.of());
        }
        Instant now = clock.instant();
        Set<String> userIds = connections.stream().map(Connection::userId).collect(Collectors.toSet());
        UserDirectory.Standing standing = users.standing(userIds);
        Optional<Tenant> tenant = standing.tenant();
        Map<String, TenantUser> stored = standing.users();
        List<Connection> current = new ArrayList<>();
        Map<Connection, Closing> ended = new LinkedHashMap<>();
        for (Connection connection : connections) {
            Optional<Closing> closing = !connection.expiresAt().isAfter(now)
                    ? Optional.of(Closing.tokenExpired())
                    : Revocation.ofUser(tenant, Optional.ofNullable(stored.get(connection.userId())), connection.roles(),
                            connection.tokenIssuedAt()).map(Closing::of);
            closing.ifPresentOrElse(reason -> ended.put(connection, reason), () -> current.add(connection));
        }
        return new Judgement(current, ended);
    }
}
