package io.tessera.streams.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.data.TenantItems;
import io.tessera.core.events.EventPublisher;
import io.tessera.core.events.TesseraEvents;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.streams.batch.StreamImages;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which access event a stream record stands for: a tenant user disabled, enabled, removed or given
 * another role is {@code UserAccessChanged}; a tenant whose status changed is
 * {@code TenantStatusChanged}, except a confirmed signup (pending to active), which is
 * {@code TenantOnboarded}. The first two end WebSocket connections that lost their authority.
 */
@Singleton
class AccessEventReader {

    /** @param change {@code disabled}, {@code enabled}, {@code removed}, {@code role_changed} or {@code signed_out} (everywhere) */
    @Serdeable
    record UserAccessChanged(String eventId, String tenantId, String userId, String change, Instant occurredAt) {
    }

    @Serdeable
    record TenantStatusChanged(String eventId, String tenantId, @Nullable String previousStatus, String status, Instant occurredAt) {
    }

    /** @param tier the tenant's tier when its signup was confirmed */
    @Serdeable
    record TenantOnboarded(String eventId, String tenantId, String name, String tier, Instant occurredAt) {
    }

    Optional<EventPublisher.Event> of(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<EnhancedDocument> before = StreamImages.oldImage(record);
        Optional<EnhancedDocument> after = StreamImages.newImage(record);
        String type = after.or(() -> before).map(image -> image.getString("type")).orElse(null);
        if (before.isEmpty() || type == null) {
            return Optional.empty();
        }
        Instant occurredAt = record.getDynamodb().getApproximateCreationDateTime() == null
                ? Instant.now() : record.getDynamodb().getApproximateCreationDateTime().toInstant();
        String eventId = record.getEventID();
        return switch (type) {
            case "USER" -> userChange(before.get(), after.orElse(null))
                    .map(change -> new EventPublisher.Event(TesseraEvents.TENANTS_SOURCE, TesseraEvents.USER_ACCESS_CHANGED,
                            new UserAccessChanged(eventId, TenantItems.tenantOf(before.get()), before.get().getString("userId"), change, occurredAt), Optional.empty()));
            case "TENANT" -> after.filter(now -> !Objects.equals(now.getString("status"), before.get().getString("status")))
                    .map(now -> tenantChange(eventId, before.get(), now, occurredAt));
            default -> Optional.empty();
        };
    }

    /** A confirmed signup (pending to active) onboards the tenant; any other change of status is just that. */
    private static EventPublisher.Event tenantChange(String eventId, EnhancedDocument before, EnhancedDocument now, Instant occurredAt) {
        String tenantId = TenantItems.tenantOf(now);
        if (TenantStatus.PENDING.wireName().equals(before.getString("status"))) {
            return new EventPublisher.Event(TesseraEvents.TENANTS_SOURCE, TesseraEvents.TENANT_ONBOARDED,
                    new TenantOnboarded(eventId, tenantId, now.getString("name"), now.getString("tier"), occurredAt), Optional.empty());
        }
        return new EventPublisher.Event(TesseraEvents.TENANTS_SOURCE, TesseraEvents.TENANT_STATUS_CHANGED,
                new TenantStatusChanged(eventId, tenantId, before.getString("status"), now.getString("status"), occurredAt), Optional.empty());
    }

    private static Optional<String> userChange(EnhancedDocument before, @Nullable EnhancedDocument after) {
        if (after == null) {
            return Optional.of("removed");
        }
        if (!Objects.equals(before.getString("role"), after.getString("role"))) {
            return Optional.of("role_changed");
        }
        if (before.getBoolean("enabled") != after.getBoolean("enabled")) {
            return Optional.of(after.getBoolean("enabled") ? "enabled" : "disabled");
        }
        if (!Objects.equals(accessChangedAt(before), accessChangedAt(after))) {
            return Optional.of("signed_out");
        }
        return Optional.empty();
    }

    @Nullable
    private static String accessChangedAt(EnhancedDocument user) {
        return user.isPresent("accessChangedAt") ? user.getString("accessChangedAt") : null;
    }

}
