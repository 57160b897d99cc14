package io.tessera.core.users;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How invited users learn their temporary password: Cognito emails it ({@code email}, the AWS
 * default) or the invite response carries it ({@code api}: local use, where nothing sends mail).
 */
@ConfigurationProperties("tessera.users")
interface InvitationConfiguration {

    enum Delivery { EMAIL, API }

    @Bindable(defaultValue = "EMAIL")
    Delivery getInvitations();
}
