package io.tessera.core.users;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationConfigurationTest {

    @Test
    void invitationsAreEmailedUnlessTheApiIsToCarryThem() {
        try (ApplicationContext defaults = ApplicationContext.run();
             ApplicationContext local = ApplicationContext.run(Map.of("tessera.users.invitations", "api"))) {
            assertThat(defaults.getBean(InvitationConfiguration.class).getInvitations()).isEqualTo(InvitationConfiguration.Delivery.EMAIL);
            assertThat(local.getBean(InvitationConfiguration.class).getInvitations()).isEqualTo(InvitationConfiguration.Delivery.API);
        }
    }
}
