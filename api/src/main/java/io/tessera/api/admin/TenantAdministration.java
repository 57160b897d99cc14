package io.tessera.api.admin;

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
import io.tessera.core.resources.Roles;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.TenantStatus;
import io.tessera.core.tenants.Tier;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;

/**
 * A platform admin's view of one tenant. Each change runs in a call context acting on that tenant,
 * so it is written, and audited, in the tenant's own partition and trail.
 */
@Singleton
class TenantAdministration {

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

    Tenant get(String tenantId) {
        return actingOn(tenantId).call(() -> profiles.get().orElseThrow(() -> notFound(tenantId)));
    }

    Tenant change(String tenantId, @Nullable Tier tier, @Nullable TenantStatus status) {
        Tenant changed = actingOn(tenantId).call(() -> {
            Tenant tenant = profiles.get().orElseThrow(() -> notFound(tenantId));
            if (tenant.status() == TenantStatus.PENDING) {
                throw new ConflictException("The tenant is still being created.");
            }
            Tenant result = tenant;
            if (tier != null && tier != tenant.tier()) {
                result = profiles.changeTier(tier).orElseThrow(() -> notFound(tenantId));
                audit.record(AuditAction.TIER_CHANGED, tenantId, AuditEntry.SUCCEEDED,
                        tenant.tier().wireName() + " -> " + tier.wireName());
            }
            if (status != null && status != tenant.status()) {
                result = profiles.changeStatus(status).orElseThrow(() -> notFound(tenantId));
                audit.record(status == TenantStatus.SUSPENDED ? AuditAction.TENANT_SUSPENDED : AuditAction.TENANT_REACTIVATED,
                        tenantId, AuditEntry.SUCCEEDED, null);
            }
            return result;
        });
        access.forget(tenantId);
        return changed;
    }

    /** @param matched whether the stored aggregates already equalled the recomputed ones */
    @Serdeable
    record Rebuild(String tenantId, int aggregates, boolean matched, int itemsWritten) {
    }

    /** Recomputes a tenant's analytics from its orders, acting as an admin of that tenant. */
    Rebuild rebuildAnalytics(String tenantId) {
        get(tenantId);
        CallContext caller = CallContext.current().orElseThrow();
        return new CallContext(tenantId, caller.userId(), Set.of(Roles.TENANT_ADMINS), caller.correlationId()).call(() -> {
            Map<String, Delta> computed = rebuild.computed();
            boolean matched = computed.equals(rebuild.stored());
            return new Rebuild(tenantId, computed.size(), matched, rebuild.rebuild());
        });
    }

    private static CallContext actingOn(String tenantId) {
        return CallContext.current().orElseThrow().actingOn(tenantId);
    }

    private static NotFoundException notFound(String tenantId) {
        return new NotFoundException("There is no tenant " + tenantId + ".");
    }
}
