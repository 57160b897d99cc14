package io.tessera.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioner's output: an env file ({@code KEY=value} lines) that the run and test scripts
 * source. It is also the provisioner's memory between runs, so demo passwords stay stable.
 */
final class ProvisioningOutput {

    private final Path file;
    private final Map<String, String> values;

    private ProvisioningOutput(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    static ProvisioningOutput readOrEmpty(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        return new ProvisioningOutput(file, values);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    void put(String key, String value) {
        if (!value.matches("[A-Za-z0-9@._:/+=!%-]*")) {
            throw new IllegalArgumentException(key + " has characters that are unsafe in an env file");
        }
        values.put(key, value);
    }

    void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder("# Written by the local provisioner; sourced by scripts/run-local and scripts/test-all.\n");
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, text);
    }

    String describe(String endpoint) {
        return """
                Provisioned Tessera in %s
                  user pool %s, app client %s
                  demo tenant %s
                    tenant admin    %s / %s
                    member          %s / %s
                  platform admin    %s / %s, MFA: TOTP secret %s (any authenticator app)
                """.formatted(endpoint,
                values.get("COGNITO_USER_POOL_ID"), values.get("COGNITO_CLIENT_ID"),
                values.get("DEMO_TENANT_ID"),
                values.get("DEMO_ADMIN_USERNAME"), values.get("DEMO_ADMIN_PASSWORD"),
                values.get("DEMO_MEMBER_USERNAME"), values.get("DEMO_MEMBER_PASSWORD"),
                values.get("PLATFORM_ADMIN_USERNAME"), values.get("PLATFORM_ADMIN_PASSWORD"), values.get("PLATFORM_ADMIN_TOTP_SECRET"));
    }
}
