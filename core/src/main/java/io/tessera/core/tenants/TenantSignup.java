package io.tessera.core.tenants;

import io.tessera.core.access.CodeAttempts;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.audit.AuditEntry;
import io.tessera.core.audit.AuditTrail;
import io.tessera.core.context.CallContext;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.users.InvitationConfiguration;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserAccounts;
import io.tessera.core.users.UserAccounts.Account;
import io.tessera.core.users.UserDirectory;
import io.tessera.core.users.Usernames;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Public signup with a verified email (SPEC §4): a PENDING tenant profile and its first admin's
 * unconfirmed Cognito account (SignUp), which cannot sign in until the emailed code confirms it
 * (ConfirmSignUp). Confirming makes the tenant active with that admin in its directory, in one
 * transaction, and starts its audit trail; a signup nobody confirms within {@link #CONFIRMATION_WINDOW} is removed by
 * {@link PendingSignups}. If creating the account fails, the profile is removed again, so a
 * failure leaves neither half behind.
 */
@Singleton
public class TenantSignup {

    /** How long a signup waits for its confirmation: as long as Cognito's sign-up codes live. */
    public static final Duration CONFIRMATION_WINDOW = Duration.ofHours(24);
    private static final String STEP = "sign-up-confirmation";

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantProfiles profiles;
    private final UserDirectory users;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final CodeAttempts attempts;
    private final PendingSignups pendingSignups;
    private final InvitationConfiguration delivery;
    private final Clock clock;

    TenantSignup(TenantProfiles profiles, UserDirectory users, UserAccounts accounts, AuditTrail audit, CodeAttempts attempts,
                 PendingSignups pendingSignups, InvitationConfiguration delivery, Clock clock) {
        this.profiles = profiles;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.attempts = attempts;
        this.pendingSignups = pendingSignups;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** A PENDING tenant, and its admin's confirmation code where codes go through the API (locally). */
    public record SignedUp(Tenant tenant, Optional<String> confirmationCode) {
    }

    /**
     * Signs a tenant up. An earlier signup with the email that was never confirmed is removed
     * first ({@link PendingSignups#removeUnconfirmed}): the new one, with its own password and code,
     * takes its place.
     *
     * @throws io.tessera.core.problems.ConflictException   if a confirmed account has the email
     * @throws io.tessera.core.problems.BadRequestException if Cognito refuses the password
     */
    public SignedUp signUp(String companyName, String adminEmail, String password, Tier tier) {
        String username = Usernames.of(adminEmail);
        accounts.find(username).filter(account -> !account.confirmed()).ifPresent(pendingSignups::removeUnconfirmed);
        String tenantId = newTenantId();
        return CallContext.system(tenantId, correlationId()).call(() -> {
            if (!profiles.createPending(companyName, tier, username)) {
                throw new IllegalStateException("tenant id collision: " + tenantId);
            }
            UserAccounts.SignedUp admin;
            try {
                admin = accounts.signUp(username, tenantId, Role.TENANT_ADMIN, password);
            } catch (RuntimeException e) {
                profiles.deletePending();
                throw e;
            }
            return new SignedUp(profiles.get().orElseThrow(), visible(admin.code()));
        });
    }

    /**
     * Confirms the first admin's account with its code and makes the tenant active. Asked again
     * after the account was confirmed but the tenant not yet activated (a failure in between), it
     * finishes the activation.
     *
     * @param clientAddress the caller's IP address, for the attempt limits
     * @throws UnprocessableException for a wrong, expired or used code, or an account that awaits no confirmation
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits of {@link CodeAttempts}
     */
    public void confirm(String email, String code, String clientAddress) {
        String username = Usernames.of(email);
        UnprocessableException refused = null;
        try {
            attempts.check(STEP, username, clientAddress, () -> accounts.confirmSignUp(username, code));
        } catch (UnprocessableException e) {
            refused = e;
        }
        boolean activated = accounts.find(username)
                .filter(account -> account.confirmed() && account.tenantId() != null)
                .map(this::activate)
                .orElse(false);
        if (refused != null && !activated) {
            throw refused;
        }
    }

    /** Sends a new confirmation code to an account that awaits one; the answer is the same for any other. */
    public Optional<String> resendCode(String email, String clientAddress) {
        String username = Usernames.of(email);
        attempts.request(STEP, username, clientAddress);
        return visible(accounts.resendConfirmationCode(username));
    }

    /** Makes the account's tenant active with it as first admin, if the tenant awaits exactly this account. */
    private boolean activate(Account account) {
        return asAdmin(account.tenantId(), account.userId()).call(() -> {
            if (!profiles.pendingAdmin().map(account.username()::equals).orElse(false)) {
                return false;
            }
            if (!users.addFirstAdmin(TenantUser.added(account.userId(), account.username(), Role.TENANT_ADMIN, clock.instant()))) {
                return profiles.get().map(tenant -> tenant.status() == TenantStatus.ACTIVE).orElse(false);
            }
            Tenant tenant = profiles.get().orElseThrow();
            audit.record(AuditAction.TENANT_CREATED, tenant.id(), AuditEntry.SUCCEEDED, "tier " + tenant.tier().wireName() + ", admin's email confirmed");
            return true;
        });
    }

    private Optional<String> visible(Optional<String> code) {
        return code.filter(sent -> delivery.throughApi());
    }

    private static CallContext asAdmin(String tenantId, String userId) {
        return new CallContext(tenantId, userId, Set.of(Role.TENANT_ADMIN.group()), correlationId());
    }

    private static String correlationId() {
        return CallContext.current().map(CallContext::correlationId).orElseGet(CallContext::newCorrelationId);
    }

    private static String newTenantId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
