package io.tessera.core.users;

/**
 * Tessera's usernames are email addresses, which users type in any case: one lower-cased form is
 * stored (signup, invitations) and looked up (sign-in), so {@code Admin@Example.test} and
 * {@code admin@example.test} are one account. The user pool ignores case as well in AWS. Only
 * ASCII letters are lowered: email addresses are ASCII (RFC 5321), and Unicode case mapping would
 * turn look-alikes such as the Kelvin sign (U+212A) into another address's letters.
 */
public final class Usernames {

    private Usernames() {
    }

    /** The username an email address (or a typed username) stands for. */
    public static String of(String emailOrUsername) {
        String stripped = emailOrUsername.strip();
        StringBuilder lowered = new StringBuilder(stripped.length());
        stripped.chars().forEach(c -> lowered.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
        return lowered.toString();
    }
}
