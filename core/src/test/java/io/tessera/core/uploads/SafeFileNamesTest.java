package io.tessera.core.uploads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNamesTest {

    @ParameterizedTest
    @CsvSource({
            "report.pdf, report.pdf",
            "../../etc/passwd, passwd",
            "..\\\\windows\\\\system32\\\\cmd.exe, cmd.exe",
            "hello world (1).txt, hello_world_1.txt",
            ".hidden, hidden",
            "日本語.pdf, file.pdf",
            "../.., file"
    })
    void aNameKeepsOnlyItsLastSegmentInASmallCharacterSet(String given, String safe) {
        assertThat(SafeFileNames.of(given, "application/pdf")).isEqualTo(safe.endsWith(".pdf") ? safe : safe + ".pdf");
    }

    @Test
    void lettersOutsideTheSmallSetBecomeUnderscores() {
        assertThat(SafeFileNames.of("naïve café.png", "image/png")).matches("[A-Za-z0-9][A-Za-z0-9._-]*").endsWith(".png");
    }

    @Test
    void controlCharactersAreDropped() {
        assertThat(SafeFileNames.of("evil\u0000\u001b[31mname\n.txt", "text/plain")).isEqualTo("evil_31mname.txt");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String safe = SafeFileNames.of("a".repeat(300) + ".jpeg", "image/jpeg");

        assertThat(safe).hasSize(SafeFileNames.MAX_LENGTH).endsWith(".jpeg");
    }

    @ParameterizedTest
    @CsvSource({
            "invoice.html, image/png, invoice.html.png",
            "run.hta, image/png, run.hta.png",
            "report.svg, application/pdf, report.svg.pdf",
            "photo.JPG, image/jpeg, photo.JPG",
            "photo.jpeg, image/jpeg, photo.jpeg",
            "photo, image/jpeg, photo.jpg",
            "notes.log, text/plain, notes.log",
            "data.bin, application/x-custom, data_bin"
    })
    void theExtensionIsAlwaysOneOfTheDeclaredTypes(String given, String type, String safe) {
        assertThat(SafeFileNames.of(given, type)).isEqualTo(safe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../", "///", "...", "\u0000\u0001", "\u00e9\u00e8"})
    void aNameWithNothingUsableBecomesFile(String given) {
        assertThat(SafeFileNames.of(given, "application/pdf")).isEqualTo("file.pdf");
    }
}
