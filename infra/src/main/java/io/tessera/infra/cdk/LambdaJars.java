package io.tessera.infra.cdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Lambda deployment packages of this build: each module's shaded {@code lambda} jar. Maven
 * writes their paths into {@code lambda-jars.properties} (see infra/pom.xml), so the stack deploys
 * exactly what the build produced. A missing jar stops synthesis instead of deploying something else.
 */
public record LambdaJars(Path api, Path realtime, Path streamProcessors) {

    static final String BUILD_HINT = "build the Lambda jars first: ./mvnw -B -ntp package -DskipTests (from the repository root)";

    public static LambdaJars fromBuild() {
        try (InputStream in = LambdaJars.class.getResourceAsStream("lambda-jars.properties")) {
            if (in == null) {
                throw new IllegalStateException("lambda-jars.properties is not on the classpath; " + BUILD_HINT);
            }
            Properties properties = new Properties();
            properties.load(in);
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lambda-jars.properties", e);
        }
    }

    static LambdaJars from(Properties properties) {
        return new LambdaJars(jar(properties, "api"), jar(properties, "realtime"), jar(properties, "stream-processors"));
    }

    private static Path jar(Properties properties, String module) {
        String value = properties.getProperty(module, "");
        if (value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("the " + module + " Lambda jar's path was not filled in by Maven; " + BUILD_HINT);
        }
        Path jar = Path.of(value);
        if (Files.isDirectory(jar)) {
            // Maven hands out a module's classes instead when the build stopped before packaging it (e.g. ./mvnw test).
            throw new IllegalStateException("the " + module + " module was compiled but not packaged in this build (" + jar
                    + " is its classes, not its Lambda jar); " + BUILD_HINT);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the " + module + " Lambda jar " + jar + " does not exist; " + BUILD_HINT);
        }
        return jar;
    }
}
