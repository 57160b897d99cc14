package io.tessera.api.access;

import io.micronaut.http.HttpRequest;

import java.util.regex.Pattern;

/**
 * The requests a user who must have MFA but has not enrolled it may still make: read who they are
 * ({@code GET /me}), enrol an authenticator app ({@code /me/mfa/**}) and sign out.
 */
final class MfaEnrolment {

    private static final Pattern PATHS = Pattern.compile("^/me(/mfa(/.*)?)?$|^/auth/sign-out$");

    private MfaEnrolment() {
    }

    static boolean isPartOf(HttpRequest<?> request) {
        return PATHS.matcher(request.getPath()).matches();
    }
}
