package io.tessera.api.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNameTest {

    private static final Pattern NAME = Pattern.compile(DisplayName.PATTERN);

    @Test
    void namesInAnyScriptWithSpacesJoinersAndDirectionMarksAreAccepted() {
        for (String name : List.of("Acme Corp", "Café Müller", "株式会社テスト", "شركة الاختبار\u200F", "क्षत्रिय\u200D", "👩\u200D💻 Studio",
                "O'Brien & Sons", "a", " padded ", "non\u00A0breaking")) {
            assertThat(NAME.matcher(name).matches()).as(name).isTrue();
        }
    }

    @Test
    void controlInvisibleAndReorderingCharactersAndBlankNamesAreRefused() {
        for (String name : List.of("", " ", "\u00A0", "\u200B", "\u200D", "\u3000", "\u0000", "bell\u0007", "Line1\nLine2", "tab\tname",
                "esc\u001B[31mred", "\u202Egnp.exe", "isolate\u2066x\u2069", "bom\uFEFF", "del\u007F", "c1\u0085", "para\u2029")) {
            assertThat(NAME.matcher(name).matches()).as(name.codePoints().mapToObj(Integer::toHexString).toList().toString()).isFalse();
        }
    }

    @Test
    void theContractCarriesTheSamePatternForTenantAndProductNames() throws IOException {
        String contract = Files.readString(openapi());

        assertThat(contract.split(Pattern.quote("pattern: '" + DisplayName.PATTERN + "'"), -1)).as("name fields with the pattern").hasSize(3);
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
