package io.tessera.core.users;

import io.tessera.core.data.Expr;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.Query;
import io.tessera.core.data.TenantItems;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.NotFoundException;
import io.tessera.core.problems.PreconditionFailedException;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.tenants.Tenant;
import io.tessera.core.tenants.TenantProfiles;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The current tenant's users. Every change that affects the tier's seat count or the number of
 * enabled admins is one transaction with the tenant profile's counters, so the user limit and
 * the "never lose the last admin" rule hold under concurrent requests.
 */
@Singleton
public class UserDirectory {

    private static final String PREFIX = "USER#";

    private final TenantItems items;
    private final TenantProfiles profiles;
    private final Clock clock;

    UserDirectory(TenantItems items, TenantProfiles profiles, Clock clock) {
        this.items = items;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Takes a seat before the account exists, so the limit holds however many invites race. */
    public void reserveSeat(Role role, int maxUsers) {
        try {
            items.transact(List.of(profiles.takeSeat(maxUsers, role == Role.TENANT_ADMIN)));
        } catch (TransactionCanceledException e) {
            throw new UnprocessableException("The tenant's tier allows " + maxUsers + " users and all seats are taken.");
        }
    }

    /** Gives back a seat whose account could not be created. */
    public void releaseSeat(Role role) {
        items.transact(List.of(profiles.releaseReservedSeat(role == Role.TENANT_ADMIN)));
    }

    /**
     * Records a new tenant's first admin and makes the tenant active, in one transaction.
     *
     * @return false, with nothing written, if the tenant is no longer pending (another request activated it first)
     */
    public boolean addFirstAdmin(TenantUser admin) {
        try {
            items.transact(List.of(
                    profiles.activateWithFirstAdmin(),
                    items.transactionPut(PREFIX + admin.userId(), toDocument(admin), Expr.of("attribute_not_exists(pk)"))));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** Records a user whose seat is already reserved. */
    public void add(TenantUser user) {
        if (!items.put(PREFIX + user.userId(), toDocument(user), Expr.of("attribute_not_exists(pk)"))) {
            throw new ConflictException("The user is already in the directory.");
        }
    }

    public Optional<TenantUser> find(String userId) {
        return items.get(PREFIX + userId).map(UserDirectory::toUser);
    }

    /**
     * The tenant and those of these users that are in its directory, keyed by user id, read
     * consistently in one batch: what the authority of a tenant's WebSocket connections is judged by.
     */
    public record Standing(Optional<Tenant> tenant, Map<String, TenantUser> users) {
    }

    public Standing standing(Collection<String> userIds) {
        List<String> sortKeys = new ArrayList<>();
        sortKeys.add(profiles.sortKey());
        userIds.forEach(userId -> sortKeys.add(PREFIX + userId));
        Map<String, EnhancedDocument> found = items.getAll(sortKeys);
        Map<String, TenantUser> users = new HashMap<>();
        found.values().stream().filter(document -> "USER".equals(document.getString("type")))
                .forEach(document -> users.put(document.getString("userId"), toUser(document)));
        return new Standing(profiles.among(found), users);
    }

    public TenantUser get(String userId) {
        return find(userId).orElseThrow(() -> new NotFoundException("There is no user " + userId + "."));
    }

    public Page<TenantUser> list(PageRequest page) {
        return items.query(Query.table(PREFIX, page)).map(UserDirectory::toUser);
    }

    /** The user, if still at {@code readVersion} when one is given: 412 if it changed since, 404 if there is none. */
    public TenantUser get(String userId, OptionalLong readVersion) {
        TenantUser user = get(userId);
        if (readVersion.isPresent() && readVersion.getAsLong() != user.version()) {
            throw new PreconditionFailedException("The user changed since you read it (it is at version " + user.version()
                    + "); read it again and reapply your change.");
        }
        return user;
    }

    public TenantUser changeRole(String userId, Role role, OptionalLong readVersion) {
        TenantUser user = get(userId, readVersion);
        if (user.role() == role) {
            return user;
        }
        TenantUser changed = user.withRole(role, clock.instant());
        write(user, changed);
        return changed;
    }

    public TenantUser setEnabled(String userId, boolean enabled, OptionalLong readVersion) {
        TenantUser user = get(userId, readVersion);
        if (user.enabled() == enabled) {
            return user;
        }
        TenantUser changed = user.withEnabled(enabled, clock.instant());
        write(user, changed);
        return changed;
    }

    /** Marks the user signed out everywhere now: every token issued up to the end of this second is refused. */
    public TenantUser signOutEverywhere(String userId) {
        TenantUser user = get(userId, OptionalLong.empty());
        TenantUser changed = user.signedOutEverywhere(clock.instant());
        write(user, changed);
        return changed;
    }

    /** Records that the user turned TOTP MFA on or off (Cognito holds the setting; this is what access checks read). */
    public TenantUser setMfaEnabled(String userId, boolean enabled) {
        TenantUser user = get(userId, OptionalLong.empty());
        if (user.mfaEnabled() == enabled) {
            return user;
        }
        TenantUser changed = user.withMfa(enabled);
        write(user, changed);
        return changed;
    }

    public TenantUser remove(String userId, OptionalLong readVersion) {
        TenantUser user = get(userId, readVersion);
        transact(List.of(
                items.transactionDelete(PREFIX + userId, unchanged(user)),
                profiles.freeSeat(user.isEnabledAdmin())));
        return user;
    }

    /** Replaces {@code before} by {@code after}, moving the enabled-admin count along, if nobody changed it meanwhile. */
    private void write(TenantUser before, TenantUser after) {
        int adminDelta = enabledAdminDelta(before, after);
        TransactWriteItem put = items.transactionPut(PREFIX + after.userId(), toDocument(after), unchanged(before));
        transact(adminDelta == 0 ? List.of(put) : List.of(put, profiles.changeAdminCount(adminDelta)));
    }

    /**
     * How a change moves the tenant's count of enabled admins (-1, 0 or +1): the count that may
     * never fall to zero, so a change that lowers it is written together with a condition on it.
     */
    static int enabledAdminDelta(TenantUser before, TenantUser after) {
        return (after.isEnabledAdmin() ? 1 : 0) - (before.isEnabledAdmin() ? 1 : 0);
    }

    private static Expr unchanged(TenantUser user) {
        return Expr.of("version = :version").value(":version", user.version());
    }

    /** The user write comes first; a failed second condition means the last enabled admin was at stake. */
    private void transact(List<TransactWriteItem> writes) {
        try {
            items.transact(writes);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean userChanged = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code());
            throw new ConflictException(userChanged
                    ? "The user was changed by someone else meanwhile; read it again and retry."
                    : "A tenant must keep at least one enabled tenant admin.");
        }
    }

    private static EnhancedDocument toDocument(TenantUser user) {
        EnhancedDocument.Builder document = TenantItems.document()
                .putString("type", "USER")
                .putString("userId", user.userId())
                .putString("username", user.username())
                .putString("role", user.role().group())
                .putBoolean("enabled", user.enabled())
                .putBoolean("mfaEnabled", user.mfaEnabled())
                .putString("createdAt", user.createdAt().toString())
                .putNumber("version", user.version());
        if (user.accessChangedAt() != null) {
            document.putString("accessChangedAt", user.accessChangedAt().toString());
        }
        return document.build();
    }

    private static TenantUser toUser(EnhancedDocument document) {
        return new TenantUser(
                document.getString("userId"),
                document.getString("username"),
                Role.fromGroup(document.getString("role")),
                document.getBoolean("enabled"),
                Instant.parse(document.getString("createdAt")),
                document.getNumber("version").longValue(),
                document.isPresent("accessChangedAt") ? Instant.parse(document.getString("accessChangedAt")) : null,
                document.isPresent("mfaEnabled") && document.getBoolean("mfaEnabled"));
    }
}
