package io.tessera.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The project's own scripts, run as an operator would run them. */
final class Scripts {

    /** The tests run in {@code tests/}; the scripts live beside it. */
    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private Scripts() {
    }

    record Outcome(int exitCode, String output) {
    }

    static Outcome run(Duration timeout, Map<String, String> environment, String script, String... arguments)
            throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = ROOT.resolve("scripts").resolve(script).toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Path output = Files.createTempFile("tessera-" + script, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within " + timeout + ":\n" + Files.readString(output));
            }
            return new Outcome(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Like an outage: the emulator goes away for a while and comes back with its data. */
    static void restartEmulator(Duration outage) throws IOException, InterruptedException {
        Outcome outcome = run(Duration.ofSeconds(120), Map.of("TESSERA_OUTAGE_SECONDS", Long.toString(outage.toSeconds())),
                "emulator", "restart");
        if (outcome.exitCode() != 0) {
            throw new AssertionError("scripts/emulator restart failed:\n" + outcome.output());
        }
    }
}
