package io.tessera.core.users;

import io.micronaut.core.annotation.Nullable;

/**
 * User accounts in the identity provider (the Cognito user pool; {@code auth} implements this): what
 * Tessera's tenant rules ask of it. Usernames are lower-cased emails ({@link Usernames}).
 */
public interface UserAccounts {

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
