package io.tessera.core.users;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * User accounts in the identity provider (the Cognito user pool: {@link CognitoUserAccounts}): what
 * Tessera's tenant rules ask of it. Usernames are lower-cased emails ({@link Usernames}).
 */
public interface UserAccounts {

    /**
     * An account as the provider holds it.
     *
     * @param tenantId   the {@code custom:tenantId} attribute; null for platform admins
     * @param confirmed  false until a self-signed-up account confirms its emailed code
     * @param mfaEnabled whether sign-in asks for a TOTP code ({@code SOFTWARE_TOKEN_MFA})
     */
    record Account(String userId, String username, @Nullable String tenantId, boolean confirmed, boolean mfaEnabled,
                   Instant createdAt) {
    }

    /** The account, or empty if there is none under {@code username}. */
    Optional<Account> find(String username);

    /**
     * Signs up an unconfirmed account in the tenant and role (Cognito SignUp): it cannot sign in
     * until {@link #confirmSignUp} with the code the provider emails.
     *
     * @return the account's id (Cognito's {@code sub}) and its code where the provider hands codes back
     *         instead of mailing them (the local emulator)
     * @throws io.tessera.core.problems.ConflictException   if the username is taken
     * @throws io.tessera.core.problems.BadRequestException if the provider refuses the password
     */
    SignedUp signUp(String username, String tenantId, Role role, String password);

    record SignedUp(String userId, Optional<String> code) {
    }

    /**
     * Sends an unconfirmed account a new code; an unknown or confirmed account gets none, with the same answer.
     *
     * @return the code where the provider hands codes back (the local emulator)
     */
    Optional<String> resendConfirmationCode(String username);

    /**
     * Confirms a signed-up account with its code (Cognito ConfirmSignUp).
     *
     * @throws io.tessera.core.problems.UnprocessableException for a wrong, expired or used code, an unknown or a confirmed account
     */
    void confirmSignUp(String username, String code);

    /** The usernames of up to {@code limit} accounts created before {@code cutoff} that never confirmed their sign-up. */
    List<String> unconfirmedBefore(Instant cutoff, int limit);

    /**
     * Starts enrolling an authenticator app for the account the access token belongs to (Cognito
     * AssociateSoftwareToken).
     *
     * @param accessToken an access token Cognito issued to the account {@code username}
     * @return the TOTP secret, base32 (RFC 4648), to show the user once
     * @throws io.tessera.core.problems.ForbiddenException    if the access token is another account's
     * @throws io.tessera.core.problems.UnauthorizedException if Cognito refuses the access token (expired, revoked)
     */
    String associateTotp(String accessToken, String username);

    /**
     * Turns TOTP MFA on with a code from the app just enrolled (Cognito VerifySoftwareToken, then
     * SetUserMFAPreference); sign-in asks for a code from then on.
     *
     * @throws io.tessera.core.problems.UnprocessableException for a wrong code (or no enrolment started)
     */
    void enableTotp(String accessToken, String username, String code);

    /**
     * Turns TOTP MFA off once the password and a fresh code prove the user holds both (a sign-in
     * through the SOFTWARE_TOKEN_MFA challenge, whose refresh token is revoked at once).
     *
     * @throws io.tessera.core.problems.UnprocessableException for a wrong password or code
     * @throws io.tessera.core.problems.ConflictException      for an account without MFA
     */
    void disableTotp(String username, String password, String code);

    /**
     * Emails a password-reset code (Cognito ForgotPassword); an unknown account gets none, with the same answer.
     *
     * @return the code where the provider hands codes back (the local emulator)
     */
    Optional<String> forgotPassword(String username);

    /**
     * Sets a new password with the reset code (Cognito ConfirmForgotPassword).
     *
     * @throws io.tessera.core.problems.UnprocessableException for a wrong, expired or used code (an unknown account alike)
     * @throws io.tessera.core.problems.BadRequestException    for a password the policy refuses
     */
    void resetPassword(String username, String code, String newPassword);

    /**
     * Creates an account in the tenant and role. With {@code permanentPassword} the user can sign in
     * at once; otherwise {@code temporaryPassword} is set and the first sign-in must choose a new one.
     * {@code sendInvitation} has the provider email it. If any step fails, nothing is left behind.
     *
     * @return the account's stable id (Cognito's {@code sub})
     * @throws io.tessera.core.problems.ConflictException   if the username is taken
     * @throws io.tessera.core.problems.BadRequestException if the provider refuses the password or an attribute
     */
    String create(String username, String tenantId, Role role, @Nullable String permanentPassword,
                  @Nullable String temporaryPassword, boolean sendInvitation);

    void changeRole(String username, Role from, Role to);

    /** Disabling also signs the user out everywhere, so their refresh tokens stop working. */
    void setEnabled(String username, boolean enabled);

    /** Signs the user out of every device: every refresh token of the account stops working. */
    void signOutEverywhere(String username);

    /** Deletes the account; one that is already gone is fine. */
    void delete(String username);
}
