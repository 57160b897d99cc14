package io.tessera.core.tenants;

import io.tessera.core.access.TenantAccess;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.users.UserDirectory;
import jakarta.inject.Singleton;

/**
 * A tenant admin requires TOTP MFA of every user of the tenant, or no longer does (any tier: security
 * is not a premium feature). While required, a user without MFA may only enrol it (403 otherwise,
 * {@link io.tessera.core.access.Revocation}); the change is audited. An admin without MFA cannot
 * require it, which would shut them out of everything but enrolling.
 */
@Singleton
public class TenantMfaRequirement {

    private final TenantProfiles profiles;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final TenantAccess access;

    TenantMfaRequirement(TenantProfiles profiles, UserDirectory users, AuditTrail audit, TenantAccess access) {
        this.profiles = profiles;
        this.users = users;
        this.audit = audit;
        this.access = access;
    }

    public boolean isRequired() {
        return profiles.get().orElseThrow().mfaRequired();
    }

    /** @throws ConflictException when requiring MFA while the calling admin has none */
    public void require(boolean required) {
        CallContext caller = CallContext.caller();
        String tenantId = caller.tenantId();
        if (required && !users.get(caller.userId()).mfaEnabled()) {
            throw new ConflictException("Turn MFA on for your own account first (POST /me/mfa/totp), then require it of everybody.");
        }
        profiles.setMfaRequired(required).orElseThrow();
        access.forget(tenantId);
        audit.record(AuditAction.MFA_REQUIREMENT_CHANGED, tenantId, AuditEntry.SUCCEEDED, required ? "required" : "not required");
    }
}
