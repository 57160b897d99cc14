package io.tessera.core.tenants;

import io.tessera.core.context.CallContext;
import io.tessera.core.data.PlatformItems;
import io.tessera.core.users.UserAccounts;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Removes signups that nobody confirmed within {@link TenantSignup#CONFIRMATION_WINDOW}, so that
 * their email can sign up again: the PENDING tenant with its admin's account, then any other account
 * that signed up straight at Cognito and never confirmed. Run on a schedule (hourly in AWS); each
 * run removes up to {@link #BATCH} of each, and leaves the rest, or what failed, to the next.
 */
@Singleton
public class PendingSignups {

    private static final Logger LOG = LoggerFactory.getLogger(PendingSignups.class);
    static final int BATCH = 1000;

    private final PlatformItems platform;
    private final TenantProfiles profiles;
    private final UserAccounts accounts;

    PendingSignups(PlatformItems platform, TenantProfiles profiles, UserAccounts accounts) {
        this.platform = platform;
        this.profiles = profiles;
        this.accounts = accounts;
    }

    /**
     * @param now the time of the run (the schedule's)
     * @return how many tenants and accounts were removed
     */
    public int removeExpired(Instant now) {
        Instant cutoff = now.minus(TenantSignup.CONFIRMATION_WINDOW);
        List<String> tenants = platform.pendingSignupsBefore(cutoff, BATCH);
        tenants.forEach(tenantId -> CallContext.system(tenantId, null).run(this::removeTenant));
        List<String> usernames = accounts.unconfirmedBefore(cutoff, BATCH);
        usernames.forEach(accounts::delete);
        int removed = tenants.size() + usernames.size();
        LOG.info("removed {} unconfirmed signups and accounts older than {}", removed, cutoff);
        return removed;
    }

    /**
     * Removes an account that never confirmed its sign-up, with the PENDING tenant that awaits it:
     * a new signup with its email replaces it, so that whoever squatted an email cannot keep its
     * owner out, nor have the owner confirm an account whose password the squatter chose.
     */
    public void removeUnconfirmed(UserAccounts.Account account) {
        if (account.confirmed()) {
            throw new IllegalArgumentException("a confirmed account is never removed as a pending signup");
        }
        if (account.tenantId() != null) {
            CallContext.system(account.tenantId(), null).run(() -> profiles.pendingAdmin()
                    .filter(account.username()::equals)
                    .ifPresent(username -> profiles.deletePending()));
        }
        accounts.delete(account.username());
    }

    /** The current tenant, if still PENDING, and its admin's account, if it belongs to this tenant. */
    private void removeTenant() {
        String tenantId = CallContext.caller().tenantId();
        profiles.pendingAdmin().ifPresent(username -> accounts.find(username)
                .filter(account -> tenantId.equals(account.tenantId()))
                .ifPresent(account -> accounts.delete(username)));
        profiles.deletePending();
    }
}
