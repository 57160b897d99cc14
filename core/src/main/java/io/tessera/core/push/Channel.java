package io.tessera.core.push;

import io.tessera.core.resources.Roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a WebSocket client can subscribe to. {@code analytics} is for tenant admins only. */
public enum Channel {
    ORDERS, ANALYTICS, UPLOADS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allowedFor(Set<String> roles) {
        return this != ANALYTICS || roles.contains(Roles.TENANT_ADMINS);
    }

    public static Optional<Channel> fromWireName(String value) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(value)).findFirst();
    }
}
