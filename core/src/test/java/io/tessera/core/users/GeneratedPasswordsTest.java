package io.tessera.core.users;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedPasswordsTest {

    @RepeatedTest(50)
    void generatedPasswordsMeetThePoolsPolicy() {
        String password = GeneratedPasswords.generate(16);

        assertThat(password).hasSize(16).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
    }
}
