package io.tessera.infra.local;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTenantSeederTest {

    @RepeatedTest(50)
    void generatedPasswordsMeetThePoolsPolicy() {
        String password = DemoTenantSeeder.randomPassword();

        assertThat(password).hasSize(20).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
    }
}
