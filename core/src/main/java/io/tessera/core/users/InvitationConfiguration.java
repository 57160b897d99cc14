package io.tessera.core.users;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How people get what Cognito sends them (an invitation's temporary password, sign-up confirmation
 * and password-reset codes): by email ({@code email}, the AWS default), or also in the API's
 * response ({@code api}: local use, where nothing sends mail).
 */
@ConfigurationProperties("tessera.users")
public interface InvitationConfiguration {

    enum Delivery { EMAIL, API }

    @Bindable(defaultValue = "EMAIL")
    Delivery getInvitations();

    /** Whether codes and temporary passwords go back in the API's responses. */
    default boolean throughApi() {
        return getInvitations() == Delivery.API;
    }
}
