package io.tessera.infra.cdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaJarsTest {

    @Test
    void theBuildProvidesTheLambdaJarOfEveryModule() {
        LambdaJars jars = LambdaJars.fromBuild();

        assertThat(jars.api().getFileName().toString()).startsWith("tessera-api-").endsWith("-lambda.jar");
        assertThat(jars.realtime().getFileName().toString()).startsWith("tessera-realtime-").endsWith("-lambda.jar");
        assertThat(jars.streamProcessors().getFileName().toString()).startsWith("tessera-stream-processors-").endsWith("-lambda.jar");
    }

    @Test
    void aMissingJarStopsSynthesisNamingTheJarAndHowToBuildIt(@TempDir Path directory) throws IOException {
        Properties paths = existingJars(directory);
        paths.setProperty("realtime", directory.resolve("gone-lambda.jar").toString());

        assertThatThrownBy(() -> LambdaJars.from(paths))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gone-lambda.jar does not exist")
                .hasMessageContaining("./mvnw -B -ntp package -DskipTests");
    }

    @Test
    void aPathMavenDidNotFillInStopsSynthesis(@TempDir Path directory) throws IOException {
        Properties paths = existingJars(directory);
        paths.setProperty("api", "${io.tessera:tessera-api:jar:lambda}");

        assertThatThrownBy(() -> LambdaJars.from(paths))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the api Lambda jar's path was not filled in by Maven");
    }

    @Test
    void aModuleThatWasCompiledButNotPackagedStopsSynthesis(@TempDir Path directory) throws IOException {
        Properties paths = existingJars(directory);
        paths.setProperty("stream-processors", Files.createDirectory(directory.resolve("classes")).toString());

        assertThatThrownBy(() -> LambdaJars.from(paths))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the stream-processors module was compiled but not packaged in this build");
    }

    private static Properties existingJars(Path directory) throws IOException {
        Properties paths = new Properties();
        for (String module : new String[] {"api", "realtime", "stream-processors"}) {
            paths.setProperty(module, Files.createFile(directory.resolve(module + "-lambda.jar")).toString());
        }
        return paths;
    }
}
