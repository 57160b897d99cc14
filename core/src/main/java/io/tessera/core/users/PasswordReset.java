package io.tessera.core.users;

import io.tessera.core.access.CodeAttempts;
import io.tessera.core.audit.AuditAction;
import io.tessera.core.context.CallContext;
import io.tessera.core.users.UserAccounts.Account;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/**
 * Forgotten passwords, reset by an emailed code through Cognito (ForgotPassword,
 * ConfirmForgotPassword; SPEC §4). The answer to a request never tells whether the account exists,
 * and both steps are limited ({@link CodeAttempts}). A reset signs the account out everywhere, as {@link SignOutEverywhere} does (whoever
 * knew the old password loses their sessions), and is in the tenant's audit trail.
 */
@Singleton
public class PasswordReset {

    private static final String STEP = "password-reset";

    private final UserAccounts accounts;
    private final UserDirectory users;
    private final CodeAttempts attempts;
    private final SignOutEverywhere signOut;
    private final InvitationConfiguration delivery;

    PasswordReset(UserAccounts accounts, UserDirectory users, CodeAttempts attempts, SignOutEverywhere signOut,
                  InvitationConfiguration delivery) {
        this.accounts = accounts;
        this.users = users;
        this.attempts = attempts;
        this.signOut = signOut;
        this.delivery = delivery;
    }

    /**
     * Has a reset code emailed to the account, if there is one.
     *
     * @param clientAddress the caller's IP address, as the platform (API Gateway, the HTTP server) saw it
     * @return the code itself only where codes go through the API (locally); otherwise nothing
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits of {@link CodeAttempts}
     */
    public Optional<String> requestCode(String email, String clientAddress) {
        String username = Usernames.of(email);
        attempts.request(STEP, username, clientAddress);
        Optional<String> code = accounts.forgotPassword(username);
        return code.filter(sent -> delivery.throughApi());
    }

    /**
     * Sets the new password with the code, then signs the account out everywhere.
     *
     * @throws io.tessera.core.problems.UnprocessableException  for a wrong, expired or used code (an unknown account alike)
     * @throws io.tessera.core.problems.BadRequestException      for a password the policy refuses
     * @throws io.tessera.core.problems.TooManyRequestsException past the limits of {@link CodeAttempts}
     */
    public void reset(String email, String code, String newPassword, String clientAddress) {
        String username = Usernames.of(email);
        attempts.check(STEP, username, clientAddress, () -> accounts.resetPassword(username, code, newPassword));
        Optional<Account> tenantUser = accounts.find(username).filter(account -> account.tenantId() != null);
        if (tenantUser.isEmpty()) {
            accounts.signOutEverywhere(username);
            return;
        }
        Account account = tenantUser.get();
        new CallContext(account.tenantId(), account.userId(), Set.of(), CallContext.newCorrelationId()).run(() -> {
            if (users.find(account.userId()).isPresent()) {
                signOut.endSessions(account.userId(), AuditAction.PASSWORD_RESET);
            } else {
                accounts.signOutEverywhere(username); // an account outside the tenant's directory: nothing to record there
            }
        });
    }
}
