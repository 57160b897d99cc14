package io.tessera.core.tenants;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.analytics.AnalyticsRebuild;
import io.tessera.core.analytics.Delta;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.NotFoundException;
import io.tessera.core.problems.PreconditionFailedException;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A platform admin's view of one tenant. Each change runs in a call context acting on that tenant,
 * so it is written, and audited, in the tenant's own partition and trail.
 */
@Singleton
public class TenantAdministration {

    private final TenantProfiles profiles;
    private final AuditTrail audit;
    private final TenantAccess access;
    private final AnalyticsRebuild rebuild;

    TenantAdministration(TenantProfiles profiles, AuditTrail audit, TenantAccess access, AnalyticsRebuild rebuild) {
        this.profiles = profiles;
        this.audit = audit;
        this.access = access;
        this.rebuild = rebuild;
    }

    public Tenant get(String tenantId) {
        return actingOn(tenantId).call(() -> profiles.get().orElseThrow(() -> notFound(tenantId)));
    }

    /**
     * Changes the tier, the status or both in one conditional write: if {@code readVersion} is
     * given and the tenant's settings changed since, 412 and nothing is written.
     */
    public Tenant change(String tenantId, @Nullable Tier tier, @Nullable TenantStatus status, OptionalLong readVersion) {
        Tenant changed = actingOn(tenantId).call(() -> {
            Tenant tenant = profiles.get().orElseThrow(() -> notFound(tenantId));
            if (tenant.status() == TenantStatus.PENDING) {
                throw new ConflictException("The tenant is still being created.");
            }
            if (readVersion.isPresent() && readVersion.getAsLong() != tenant.version()) {
                throw stale(tenant);
            }
            Tier newTier = tier == null ? tenant.tier() : tier;
            TenantStatus newStatus = status == null ? tenant.status() : status;
            if (newTier == tenant.tier() && newStatus == tenant.status()) {
                return tenant;
            }
            Tenant result = profiles.changeSettings(newTier, newStatus, OptionalLong.of(tenant.version()))
                    .orElseThrow(() -> profiles.get().<RuntimeException>map(TenantAdministration::stale).orElseGet(() -> notFound(tenantId)));
            if (newTier != tenant.tier()) {
                audit.record(AuditAction.TIER_CHANGED, tenantId, AuditEntry.SUCCEEDED,
                        tenant.tier().wireName() + " -> " + newTier.wireName());
            }
            if (newStatus != tenant.status()) {
                audit.record(newStatus == TenantStatus.SUSPENDED ? AuditAction.TENANT_SUSPENDED : AuditAction.TENANT_REACTIVATED,
                        tenantId, AuditEntry.SUCCEEDED, null);
            }
            return result;
        });
        access.forget(tenantId);
        return changed;
    }

    /** @param matched whether the stored aggregates already equalled the recomputed ones */
    @Serdeable
    public record Rebuild(String tenantId, int aggregates, boolean matched, int itemsWritten) {
    }

    /** Recomputes a tenant's analytics from its orders, in that tenant. */
    public Rebuild rebuildAnalytics(String tenantId) {
        get(tenantId);
        return actingOn(tenantId).call(() -> {
            Map<String, Delta> computed = rebuild.computed();
            boolean matched = computed.equals(rebuild.stored());
            return new Rebuild(tenantId, computed.size(), matched, rebuild.rebuild());
        });
    }

    private static CallContext actingOn(String tenantId) {
        return CallContext.current().orElseThrow().actingOn(tenantId);
    }

    private static PreconditionFailedException stale(Tenant tenant) {
        return new PreconditionFailedException("The tenant's settings changed since you read them (they are at version "
                + tenant.version() + "); read the tenant again and reapply your change.");
    }

    private static NotFoundException notFound(String tenantId) {
        return new NotFoundException("There is no tenant " + tenantId + ".");
    }
}
