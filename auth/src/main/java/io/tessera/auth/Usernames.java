package io.tessera.auth;

import java.util.Locale;

/**
 * Tessera's usernames are email addresses, which users type in any case: one lower-cased form is
 * stored (signup, invitations) and looked up (sign-in), so {@code Admin@Example.test} and
 * {@code admin@example.test} are one account (SPEC §4). The user pool ignores case as well in AWS.
 */
public final class Usernames {

    private Usernames() {
    }

    /** The username an email address (or a typed username) stands for. */
    public static String of(String emailOrUsername) {
        return emailOrUsername.strip().toLowerCase(Locale.ROOT);
    }
}
