package io.tessera.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.Query;
import io.tessera.core.data.TenantItems;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The current tenant's audit trail, newest first. The actor is whoever the call context says is
 * acting; sort keys start with the time in zero-padded epoch milliseconds so they order correctly.
 */
@Singleton
public class AuditTrail {

    private static final String PREFIX = "AUDIT#";

    private final TenantItems items;
    private final Clock clock;

    AuditTrail(TenantItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    public AuditEntry record(AuditAction action, String target, String outcome, @Nullable String detail) {
        Instant at = clock.instant();
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), at, action,
                CallContext.current().map(CallContext::userId).orElse(null), target, outcome, detail);
        EnhancedDocument.Builder document = TenantItems.document()
                .putString("type", "AUDIT")
                .putString("id", entry.id())
                .putString("at", at.toString())
                .putString("action", action.wireName())
                .putString("target", target)
                .putString("outcome", outcome);
        if (entry.actorId() != null) {
            document.putString("actorId", entry.actorId());
        }
        if (detail != null) {
            document.putString("detail", detail);
        }
        items.put(PREFIX + "%013d#%s".formatted(at.toEpochMilli(), entry.id()), document.build(), null);
        return entry;
    }

    public Page<AuditEntry> list(PageRequest page) {
        return items.query(Query.table(PREFIX, page).newestFirst()).map(document -> new AuditEntry(
                document.getString("id"),
                Instant.parse(document.getString("at")),
                AuditAction.fromWireName(document.getString("action")),
                document.getString("actorId"),
                document.getString("target"),
                document.getString("outcome"),
                document.getString("detail")));
    }
}
