package io.tessera.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One administrative action in a tenant's trail.
 *
 * @param actorId the Cognito {@code sub} of whoever acted (a platform admin for tenant-level changes)
 * @param target  what was acted on: a user id or the tenant id
 * @param outcome {@code succeeded}, or {@code refused} when a rule stopped it
 */
@Serdeable
public record AuditEntry(String id, Instant at, AuditAction action, @Nullable String actorId, String target,
                         String outcome, @Nullable String detail) {

    public static final String SUCCEEDED = "succeeded";
    public static final String REFUSED = "refused";
}
