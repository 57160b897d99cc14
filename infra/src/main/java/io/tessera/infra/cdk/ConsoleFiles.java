package io.tessera.infra.cdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The admin console's static files as scripts/build-console left them in {@code console/dist}
 * (Maven writes the folder's path into {@code console-files.properties}). A missing build stops
 * synthesis instead of deploying an empty site.
 */
public record ConsoleFiles(Path folder) {

    static final String BUILD_HINT = "build the console first: scripts/build-console (from the repository root)";
    /** Written at deploy time with the API's addresses, never taken from the build. */
    static final String CONFIG_FILE = "config.json";
    private static final List<String> PAGE_FILES = List.of("index.html", "app.js", "app.css");

    public ConsoleFiles {
        for (String file : PAGE_FILES) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new IllegalStateException("the console build " + folder + " has no " + file + "; " + BUILD_HINT);
            }
        }
    }

    public static ConsoleFiles fromBuild() {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream("console-files.properties")) {
            if (in == null) {
                throw new IllegalStateException("console-files.properties is not on the classpath; build infra with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new ConsoleFiles(Path.of(properties.getProperty("dist")).normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console-files.properties", e);
        }
    }
}
