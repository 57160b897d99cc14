package io.tessera.core.users;

import java.security.SecureRandom;

/** Random passwords that meet the user pool's policy: upper case, lower case and digits, no look-alikes. */
public final class GeneratedPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] CLASSES = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789"};

    private GeneratedPasswords() {
    }

    public static String generate(int length) {
        if (length < CLASSES.length) {
            throw new IllegalArgumentException("too short to hold every character class");
        }
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String chars = CLASSES[i < CLASSES.length ? i : RANDOM.nextInt(CLASSES.length)];
            password.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return password.toString();
    }
}
