package io.tessera.core.push;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.core.access.Revocation;

/**
 * Why Tessera ends a WebSocket connection, with the close code of RFC 6455 §7.4 it uses (the
 * 4000–4999 range is for applications; asyncapi.yaml documents each). Before closing, the client is
 * sent this as a {@code connection.closing} message, since in AWS API Gateway's DeleteConnection
 * closes with a code of its own.
 *
 * @param code   4401: the token no longer carries authority (expired, user removed or role changed), sign in again;
 *               4403: the user or tenant is refused (disabled user, suspended or offboarded tenant);
 *               1009: a message larger than the protocol allows
 * @param reason for people, e.g. "This account is disabled."
 */
@Serdeable
public record Closing(int code, String reason) {

    public static final int SIGN_IN_AGAIN = 4401;
    public static final int FORBIDDEN = 4403;
    public static final int MESSAGE_TOO_BIG = 1009;

    public static Closing tokenExpired() {
        return new Closing(SIGN_IN_AGAIN, "The token this connection was opened with has expired; connect with a fresh one.");
    }

    public static Closing of(Revocation revocation) {
        return new Closing(revocation.signInAgain() ? SIGN_IN_AGAIN : FORBIDDEN, revocation.reason());
    }
}
