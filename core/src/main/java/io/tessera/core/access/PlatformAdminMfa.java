package io.tessera.core.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.users.UserAccounts;
import jakarta.inject.Singleton;

/**
 * Platform admins always use MFA (SPEC §4): a platform admin's request is refused (403) while the
 * account has no TOTP MFA, except the requests it takes to enrol. Whether it has is asked of Cognito
 * (AdminGetUser) and kept in this process like {@link TenantAccess} keeps tenant users.
 */
@Singleton
public class PlatformAdminMfa {

    private final LoadingCache<String, Boolean> enabled;

    PlatformAdminMfa(UserAccounts accounts) {
        this.enabled = Caffeine.newBuilder()
                .refreshAfterWrite(TenantAccess.REFRESH_AFTER)
                .expireAfterWrite(TenantAccess.MAX_AGE)
                .maximumSize(1_000)
                .build(username -> accounts.find(username).map(UserAccounts.Account::mfaEnabled).orElse(false));
    }

    /**
     * @param enrollingMfa whether the request is one it takes to enrol ({@code GET /me}, {@code /me/mfa/**})
     * @throws ForbiddenException if the admin has no MFA and the request is not part of enrolling
     */
    public void verify(String username, boolean enrollingMfa) {
        if (!enrollingMfa && !isEnabled(username)) {
            throw new ForbiddenException("Platform admins must use MFA: enrol an authenticator app at POST /me/mfa/totp first.");
        }
    }

    public boolean isEnabled(String username) {
        return enabled.get(username);
    }

    /** Makes this process ask Cognito again, after the admin changed their MFA here. */
    public void forget(String username) {
        enabled.invalidate(username);
    }
}
