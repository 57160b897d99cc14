package io.tessera.api.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiEmailTest {

    private static final Pattern MAILBOX = Pattern.compile(AsciiEmail.PATTERN);

    @Test
    void addressesAsRfc5321WritesThemAreAccepted() {
        for (String address : List.of("admin@demo.example.com", "first.last+tag@sub.example.co", "o'brien@example.com",
                "x@a.io", "a*b@example.com")) {
            assertThat(MAILBOX.matcher(address).matches()).as(address).isTrue();
        }
    }

    @Test
    void lookAlikesBrokenDomainsAndOtherFormsAreRefused() {
        for (String address : List.of("\u212Aelvin@example.com", "caf\u00e9@example.com", "f@1e100.com*", "a@-example.com",
                "a@example", "a..b@example.com", ".a@example.com", "a b@example.com", "\"quoted\"@example.com", "a@[127.0.0.1]", "@example.com")) {
            assertThat(MAILBOX.matcher(address).matches()).as(address).isFalse();
        }
    }

    @Test
    void theContractCarriesTheSamePatternForEveryEmailField() throws IOException {
        String contract = Files.readString(openapi());
        String yamlPattern = "'^" + AsciiEmail.PATTERN.replace("'", "''") + "$'";

        assertThat(contract.split(Pattern.quote(yamlPattern), -1)).as("email fields with the pattern").hasSize(3);
    }

    private static Path openapi() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("openapi.yaml"))) {
                return dir.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("openapi.yaml not found");
    }
}
