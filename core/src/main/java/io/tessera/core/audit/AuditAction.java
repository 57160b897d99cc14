package io.tessera.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.problems.InvalidValueException;

import java.util.Arrays;

/** The administrative actions a tenant's audit trail records. */
@Serdeable
public enum AuditAction {
    TENANT_CREATED("tenant.created"),
    TIER_CHANGED("tenant.tier_changed"),
    TENANT_SUSPENDED("tenant.suspended"),
    TENANT_REACTIVATED("tenant.reactivated"),
    USER_INVITED("user.invited"),
    ROLE_CHANGED("user.role_changed"),
    USER_DISABLED("user.disabled"),
    USER_ENABLED("user.enabled"),
    USER_DELETED("user.deleted"),
    SIGNED_OUT_EVERYWHERE("user.signed_out_everywhere"),
    PASSWORD_RESET("user.password_reset"),
    MFA_ENABLED("user.mfa_enabled"),
    MFA_DISABLED("user.mfa_disabled"),
    MFA_REQUIREMENT_CHANGED("tenant.mfa_requirement_changed");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    static AuditAction fromWireName(String value) {
        return Arrays.stream(values())
                .filter(action -> action.wireName.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown audit action: " + value));
    }
}
