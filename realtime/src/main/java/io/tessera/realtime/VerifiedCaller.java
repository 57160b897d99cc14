package io.tessera.realtime;

import io.tessera.core.context.CallContext;

import java.time.Instant;

/**
 * Who opens a WebSocket connection, from a verified ID token.
 *
 * @param tokenIssuedAt  the token's {@code iat}: a change of the user's access after it ends the connection
 * @param tokenExpiresAt the token's {@code exp}: the connection's authority ends then
 */
public record VerifiedCaller(CallContext context, Instant tokenIssuedAt, Instant tokenExpiresAt) {
}
