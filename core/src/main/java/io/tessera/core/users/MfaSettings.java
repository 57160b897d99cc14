package io.tessera.core.users;

import io.tessera.core.access.CodeAttempts;
import io.tessera.core.access.PlatformAdminMfa;
import io.tessera.core.access.TenantAccess;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.tenants.TenantProfiles;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A user's TOTP MFA (RFC 6238 authenticator apps) through Cognito's software tokens: enrol, turn on
 * with a first code, turn off with the password and a fresh code. Tenant users' changes are
 * mirrored in the directory (what access checks read) and audited in the tenant's trail. MFA cannot
 * be turned off where it is required: in a tenant that requires it, and for platform admins always.
 */
@Singleton
public class MfaSettings {

    private static final Logger LOG = LoggerFactory.getLogger(MfaSettings.class);
    private static final String ISSUER = "Tessera";
    private static final String ENABLE_STEP = "mfa-enable";
    private static final String DISABLE_STEP = "mfa-disable";

    private final UserAccounts accounts;
    private final UserDirectory users;
    private final TenantProfiles profiles;
    private final CodeAttempts attempts;
    private final AuditTrail audit;
    private final TenantAccess access;
    private final PlatformAdminMfa platformAdmins;

    MfaSettings(UserAccounts accounts, UserDirectory users, TenantProfiles profiles, CodeAttempts attempts, AuditTrail audit,
                TenantAccess access, PlatformAdminMfa platformAdmins) {
        this.accounts = accounts;
        this.users = users;
        this.profiles = profiles;
        this.attempts = attempts;
        this.audit = audit;
        this.access = access;
        this.platformAdmins = platformAdmins;
    }

    /**
     * The secret of a new authenticator, as Cognito issued it, and the same as a Key URI
     * ({@code otpauth://totp/Tessera:<username>?secret=...&issuer=Tessera}) for a QR code.
     */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /**
     * Starts enrolling an authenticator app for the caller.
     *
     * @param accessToken the caller's own Cognito access token (from sign-in); Cognito's software-token API needs it
     * @throws ConflictException if MFA is on already: replacing the authenticator takes turning it off first
     */
    public Enrolment startEnrolment(String username, String accessToken) {
        if (accounts.find(Usernames.of(username)).map(UserAccounts.Account::mfaEnabled).orElse(false)) {
            // Else whoever holds the user's tokens alone could move the second factor to their own app.
            throw new ConflictException("MFA is on already: turn it off with your password and a current code first.");
        }
        String secret = accounts.associateTotp(accessToken, Usernames.of(username));
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER);
    }

    /**
     * Turns MFA on with the app's current code: from the next sign-in on, Cognito asks for a code.
     *
     * @throws io.tessera.core.problems.UnprocessableException   for a wrong code
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits of {@link CodeAttempts}
     */
    public void enable(String username, String accessToken, String code, String clientAddress) {
        CallContext caller = CallContext.caller();
        attempts.check(ENABLE_STEP, username, clientAddress, () -> accounts.enableTotp(accessToken, Usernames.of(username), code));
        recorded(caller, username, true);
    }

    /**
     * Turns MFA off, once the password and a fresh code prove the caller holds both.
     *
     * @throws ConflictException                                 where MFA is required, or it is not on
     * @throws io.tessera.core.problems.UnprocessableException   for a wrong password or code
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits of {@link CodeAttempts}
     */
    public void disable(String username, String password, String code, String clientAddress) {
        CallContext caller = CallContext.caller();
        if (caller.tenantId() == null) {
            throw new ConflictException("Platform admins always sign in with MFA.");
        }
        if (profiles.get().orElseThrow().mfaRequired()) {
            throw new ConflictException("Your tenant requires MFA; a tenant admin can change that.");
        }
        attempts.check(DISABLE_STEP, username, clientAddress, () -> accounts.disableTotp(username, password, code));
        recorded(caller, username, false);
    }

    private void recorded(CallContext caller, String username, boolean enabled) {
        if (caller.tenantId() == null) {
            platformAdmins.forget(username);
            LOG.info("platform admin {} turned MFA {}", caller.userId(), enabled ? "on" : "off");
            return;
        }
        users.setMfaEnabled(caller.userId(), enabled);
        access.forget(caller.tenantId());
        audit.record(enabled ? AuditAction.MFA_ENABLED : AuditAction.MFA_DISABLED, caller.userId(), AuditEntry.SUCCEEDED, null);
    }
}
