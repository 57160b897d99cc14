package io.tessera.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The isolation layer holds only if nobody walks around it. */
class ArchitectureTest {

    private static final JavaClasses TESSERA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tessera");

    @Test
    void controllersNeverTouchAnAwsClient() {
        classes().that().areAnnotatedWith(Controller.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("software.amazon.awssdk..")
                .check(TESSERA);
    }

    @Test
    void onlyTheDataLayerTalksToDynamoDb() {
        noClasses().that().resideOutsideOfPackage("io.tessera.core.data..")
                .should().dependOnClassesThat().areAssignableTo(DynamoDbClient.class)
                .check(TESSERA);
    }

    @Test
    void onlyTheDataLayerBuildsTableKeys() {
        noClasses().that().resideOutsideOfPackage("io.tessera.core.data..")
                .should().dependOnClassesThat().haveFullyQualifiedName("software.amazon.awssdk.services.dynamodb.model.QueryRequest")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("software.amazon.awssdk.services.dynamodb.model.GetItemRequest")
                .check(TESSERA);
    }
}
