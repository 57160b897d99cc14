package io.tessera.core.users;

/**
 * The user pool's password policy, for checking a password before Cognito does: the same rule
 * as {@code openapi.yaml}'s password pattern. {@code [\s\S]} rather than {@code .} so that a line
 * break in a password counts like any other character, in Java as in the schema's ECMA regex.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final String PATTERN = "(?=[\\s\\S]*[a-z])(?=[\\s\\S]*[A-Z])(?=[\\s\\S]*[0-9])[\\s\\S]*";
    public static final String PATTERN_MESSAGE = "must contain upper case, lower case and digits";
    public static final String DESCRIPTION = "at least 12 characters with upper case, lower case and digits";

    private PasswordPolicy() {
    }
}
