package io.tessera.core.tenants;

import io.tessera.core.data.Expr;
import io.tessera.core.data.PlatformItems;
import io.tessera.core.data.TenantItems;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The current tenant's profile: name, tier, status and the counters that tier limits are checked
 * against. It lives in the tenant's own partition and is also indexed for the platform's listing.
 * Its version counts changes of its settings (tier and status), which platform admins make
 * conditional on the version they read; the usage counters are live values and do not change it.
 */
@Singleton
public class TenantProfiles {

    static final String SORT_KEY = "PROFILE";

    private final TenantItems items;
    private final Clock clock;

    TenantProfiles(TenantItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    /**
     * Creates the profile as PENDING, awaiting its first admin; false if the tenant id is already taken.
     *
     * @param adminUsername the only account whose confirmation may make the tenant active ({@link #pendingAdmin})
     */
    public boolean createPending(String name, Tier tier, String adminUsername) {
        Instant now = clock.instant();
        EnhancedDocument profile = TenantItems.document()
                .putString("type", "TENANT")
                .putString("tenantId", items.tenantId())
                .putString("name", name)
                .putString("tier", tier.wireName())
                .putString("status", TenantStatus.PENDING.wireName())
                .putString("pendingAdmin", adminUsername)
                .putString("createdAt", now.toString())
                .putNumber("userCount", 0)
                .putNumber("adminCount", 0)
                .putNumber("storageUsedBytes", 0)
                .putNumber("version", 1)
                .putString("gsi1pk", PlatformItems.TENANTS_PARTITION)
                .putString("gsi1sk", now + "#" + items.tenantId())
                .putString("gsi2pk", PlatformItems.PENDING_SIGNUPS_PARTITION)
                .putString("gsi2sk", now + "#" + items.tenantId())
                .build();
        return items.put(SORT_KEY, profile, Expr.of("attribute_not_exists(pk)"));
    }

    public Optional<Tenant> get() {
        return items.get(SORT_KEY).map(TenantProfiles::toTenant);
    }

    /** The username of the first admin a PENDING tenant awaits; empty once it is active. */
    public Optional<String> pendingAdmin() {
        return items.get(SORT_KEY)
                .filter(profile -> TenantStatus.PENDING.wireName().equals(profile.getString("status")))
                .map(profile -> profile.getString("pendingAdmin"));
    }

    /** The sort key to ask for, with others, when the profile is read in a batch ({@link #among}). */
    public String sortKey() {
        return SORT_KEY;
    }

    /** The profile among items of the tenant read in a batch, keyed by sort key. */
    public Optional<Tenant> among(Map<String, EnhancedDocument> itemsBySortKey) {
        return Optional.ofNullable(itemsBySortKey.get(SORT_KEY)).map(TenantProfiles::toTenant);
    }

    /**
     * Sets the tier and the status, if the profile exists and, when {@code readVersion} is given,
     * is still at that version; empty otherwise (nothing written).
     */
    public Optional<Tenant> changeSettings(Tier tier, TenantStatus status, OptionalLong readVersion) {
        Expr condition = readVersion.isPresent()
                ? Expr.of("attribute_exists(pk) AND version = :readVersion").value(":readVersion", readVersion.getAsLong())
                : Expr.of("attribute_exists(pk)");
        return items.update(SORT_KEY, Expr.of("SET tier = :tier, #status = :status, version = version + :one")
                        .name("#status", "status").value(":tier", tier.wireName()).value(":status", status.wireName()).value(":one", 1),
                condition).map(TenantProfiles::toTenant);
    }

    /** Sets whether every user of the tenant must use TOTP MFA; empty if there is no profile. */
    public Optional<Tenant> setMfaRequired(boolean required) {
        return items.update(SORT_KEY, Expr.of("SET mfaRequired = :required").value(":required", AttributeValue.fromBool(required)),
                Expr.of("attribute_exists(pk)")).map(TenantProfiles::toTenant);
    }

    /** Removes a profile that signup could not complete. */
    public void deletePending() {
        items.delete(SORT_KEY, Expr.of("#status = :pending").name("#status", "status").value(":pending", TenantStatus.PENDING.wireName()));
    }

    /** Takes one seat if the tier has one left; an admin seat also counts as an enabled admin. */
    public TransactWriteItem takeSeat(int maxUsers, boolean admin) {
        return items.transactionUpdate(SORT_KEY,
                Expr.of("SET userCount = userCount + :one, adminCount = adminCount + :admin")
                        .value(":one", 1).value(":admin", admin ? 1 : 0),
                Expr.of("userCount < :max").value(":max", maxUsers));
    }

    /** Gives a seat back; removing an enabled admin may not remove the last one. */
    public TransactWriteItem freeSeat(boolean enabledAdmin) {
        return enabledAdmin
                ? items.transactionUpdate(SORT_KEY,
                        Expr.of("SET userCount = userCount - :one, adminCount = adminCount - :one").value(":one", 1),
                        Expr.of("adminCount > :one").value(":one", 1))
                : items.transactionUpdate(SORT_KEY, Expr.of("SET userCount = userCount - :one").value(":one", 1),
                        Expr.of("attribute_exists(pk)"));
    }

    /**
     * Undoes {@link #takeSeat} for an account that could not be created. Unconditional: the
     * reservation itself counted the admin, so undoing it never takes away a real one.
     */
    public TransactWriteItem releaseReservedSeat(boolean admin) {
        return items.transactionUpdate(SORT_KEY,
                Expr.of("SET userCount = userCount - :one, adminCount = adminCount - :admin")
                        .value(":one", 1).value(":admin", admin ? 1 : 0),
                null);
    }

    /**
     * Counts an uploaded object's bytes against the tenant's storage, in a transaction, on
     * condition that the storage stays within {@code quotaBytes}.
     */
    public TransactWriteItem addStorage(long bytes, long quotaBytes) {
        return items.transactionUpdate(SORT_KEY, Expr.of("SET storageUsedBytes = storageUsedBytes + :bytes").value(":bytes", bytes),
                Expr.of("attribute_exists(pk) AND storageUsedBytes <= :room").value(":room", quotaBytes - bytes));
    }

    /** Storage given back: an accepted upload's bytes that are gone. */
    public TransactWriteItem releaseStorage(long bytes) {
        return items.transactionUpdate(SORT_KEY, Expr.of("SET storageUsedBytes = storageUsedBytes - :bytes").value(":bytes", bytes),
                Expr.of("attribute_exists(pk)"));
    }

    /** One enabled admin more or fewer; fewer may not reach zero. */
    public TransactWriteItem changeAdminCount(int delta) {
        return delta < 0
                ? items.transactionUpdate(SORT_KEY, Expr.of("SET adminCount = adminCount - :one").value(":one", 1),
                        Expr.of("adminCount > :one").value(":one", 1))
                : items.transactionUpdate(SORT_KEY, Expr.of("SET adminCount = adminCount + :one").value(":one", 1),
                        Expr.of("attribute_exists(pk)"));
    }

    /** Signup's last step, in one transaction with the first admin's directory entry: the tenant goes live. */
    public TransactWriteItem activateWithFirstAdmin() {
        return items.transactionUpdate(SORT_KEY,
                Expr.of("SET #status = :active, userCount = :one, adminCount = :one, version = version + :one REMOVE pendingAdmin, gsi2pk, gsi2sk")
                        .name("#status", "status").value(":active", TenantStatus.ACTIVE.wireName()).value(":one", 1),
                Expr.of("#status = :pending").value(":pending", TenantStatus.PENDING.wireName()));
    }

    static Tenant toTenant(EnhancedDocument document) {
        return new Tenant(
                document.getString("tenantId"),
                document.getString("name"),
                Tier.fromWireName(document.getString("tier")),
                TenantStatus.fromWireName(document.getString("status")),
                Instant.parse(document.getString("createdAt")),
                document.getNumber("userCount").intValue(),
                document.getNumber("adminCount").intValue(),
                document.getNumber("storageUsedBytes").longValue(),
                document.getNumber("version").longValue(),
                document.isPresent("mfaRequired") && document.getBoolean("mfaRequired"));
    }
}
