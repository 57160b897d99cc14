package io.tessera.core.tenants;

import java.time.Instant;

/**
 * A tenant's profile.
 *
 * @param userCount  users holding a seat (invited, enabled or disabled), counted against the tier's limit
 * @param adminCount enabled tenant admins; never allowed to drop below one once the tenant is active
 * @param version    counts changes of the settings (tier, status), not of the usage counters
 * @param mfaRequired whether every user must sign in with TOTP MFA (set by a tenant admin; any tier)
 */
public record Tenant(String id, String name, Tier tier, TenantStatus status, Instant createdAt,
                     int userCount, int adminCount, long storageUsedBytes, long version, boolean mfaRequired) {
}
