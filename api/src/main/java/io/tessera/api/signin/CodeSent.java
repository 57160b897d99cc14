package io.tessera.api.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a request for a code: Cognito emails it. {@code code} is present only where nothing
 * sends mail (the local system, {@code tessera.users.invitations: api}), never in AWS.
 */
@Serdeable
record CodeSent(@Nullable String code) {
}
