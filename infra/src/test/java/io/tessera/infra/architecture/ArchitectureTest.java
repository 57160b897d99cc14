package io.tessera.infra.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.micronaut.http.annotation.Controller;
import io.tessera.infra.cdk.LambdaJars;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the layout rests on, over every module's compiled classes (infra is built after all
 * of them): entry points are leaves, only the data layer talks to DynamoDB and knows how keys are
 * spelled, controllers never hold an AWS client, and the stream Lambdas carry no WebSocket or
 * JWT code.
 */
class ArchitectureTest {

    private static final Path ROOT = root();
    private static final List<String> MODULES = List.of("core", "auth", "api", "realtime", "stream-processors", "local");
    /** The deployables: each depends on shared modules, never on another of these. */
    private static final List<String> ENTRY_POINTS = List.of("api", "realtime", "stream-processors", "local");
    private static final String DATA_LAYER = "io.tessera.core.data..";

    private static final JavaClasses TESSERA = new ClassFileImporter().importPaths(
            MODULES.stream().map(module -> ROOT.resolve(module).resolve("target/classes")).filter(Files::isDirectory).toList());

    @Test
    void everyModuleIsScanned() {
        MODULES.forEach(module -> assertThat(ROOT.resolve(module).resolve("target/classes")).as(module).isDirectory());
        assertThat(TESSERA.stream().map(JavaClass::getPackageName)).anyMatch(name -> name.startsWith("io.tessera.local"))
                .anyMatch(name -> name.startsWith("io.tessera.streams")).anyMatch(name -> name.startsWith("io.tessera.realtime"));
    }

    @Test
    void noEntryPointModuleCompilesAgainstAnother() throws Exception {
        for (String module : ENTRY_POINTS) {
            for (Element dependency : dependencies(ROOT.resolve(module).resolve("pom.xml"))) {
                String artifact = text(dependency, "artifactId");
                String scope = text(dependency, "scope");
                boolean entryPoint = ENTRY_POINTS.stream().anyMatch(other -> artifact.equals("tessera-" + other));
                assertThat(entryPoint && !"runtime".equals(scope))
                        .as("%s depends on %s (only the local launcher puts entry points on its run-time class path)", module, artifact)
                        .isFalse();
            }
        }
    }

    /**
     * DynamoDB's client and requests are the data layer's; repositories in the features go through
     * it. The client factories, the local stand-ins for the streams' event source mappings and the
     * local process's health indicators are the only others, as they are about AWS itself, not about
     * Tessera's items.
     */
    @Test
    void onlyTheDataLayerTalksToDynamoDb() {
        noClasses().that().resideOutsideOfPackages(DATA_LAYER, "io.tessera.core.aws..", "io.tessera.local.sources..",
                        "io.tessera.local.health..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("a DynamoDB client or request") {
                    @Override
                    public boolean test(JavaClass type) {
                        return type.isAssignableTo(DynamoDbClient.class)
                                || type.getPackageName().equals("software.amazon.awssdk.services.dynamodb.model")
                                && type.getSimpleName().endsWith("Request");
                    }
                })
                .because("keys, conditions and tenant scoping live in one place")
                .check(TESSERA);
    }

    @Test
    void onlyTheDataLayerSpellsTheTenantPartitionKey() throws IOException {
        List<String> spelling = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("target/classes"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                    String className = ROOT.resolve(module).resolve("target/classes").relativize(file).toString();
                    boolean dataLayer = className.startsWith("io/tessera/core/data/");
                    if (!dataLayer && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("TENANT#")) {
                        spelling.add(className);
                    }
                }
            }
        }
        assertThat(spelling).as("classes outside the data layer that spell TENANT#").isEmpty();
    }

    @Test
    void controllersNeverTouchAnAwsClient() {
        classes().that().areAnnotatedWith(Controller.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("software.amazon.awssdk..")
                .check(TESSERA);
    }

    @Test
    void theStreamLambdasCarryNoWebSocketOrJwtCode() throws IOException {
        try (JarFile jar = new JarFile(LambdaJars.fromBuild().streamProcessors().toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .isNotEmpty()
                    .noneMatch(name -> name.startsWith("io/micronaut/websocket/") || name.startsWith("io/micronaut/security/")
                            || name.startsWith("com/nimbusds/") || name.startsWith("io/tessera/realtime/"));
        }
    }

    private static List<Element> dependencies(Path pom) throws Exception {
        try (InputStream in = Files.newInputStream(pom)) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("dependency");
            List<Element> dependencies = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                dependencies.add((Element) nodes.item(i));
            }
            return dependencies;
        }
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("openapi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the repository root (with openapi.yaml) is not above " + Path.of("").toAbsolutePath());
    }
}
