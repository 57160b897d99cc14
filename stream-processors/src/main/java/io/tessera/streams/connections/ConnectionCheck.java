package io.tessera.streams.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What a message on the connections queue says about whose connections to judge again: one user's
 * (their access changed), or the whole tenant's (its status changed, or an expiry timer is due:
 * {@code dueAt} set). Read from the detail of {@code ConnectionExpiryDue}, {@code UserAccessChanged}
 * and {@code TenantStatusChanged} alike; their other fields do not matter here, since the
 * connections are judged by what is stored now, not by what the event says.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
record ConnectionCheck(String tenantId, @Nullable String userId, @Nullable Instant dueAt) {
}
