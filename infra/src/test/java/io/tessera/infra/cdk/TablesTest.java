package io.tessera.infra.cdk;

import io.tessera.core.resources.TesseraResources;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys, indexes, TTL and streams are compared with TesseraResources in the drift test. */
class TablesTest {

    private final Template template = SynthesizedStack.get().template();

    @Test
    void everyTableIsOnDemandWithPointInTimeRecovery() {
        template.resourcePropertiesCountIs("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)), TesseraResources.TABLES.size());
    }

    @Test
    void tablesOutliveTheStackAndRefuseToBeDeletedByAccident() {
        template.allResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", true))));
    }

    @Test
    void theMainTableStreamsNewAndOldImagesForTheOutboxAndAnalytics() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", TesseraResources.MAIN_TABLE_NAME,
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES")));
    }

    @Test
    void everyIndexProjectsWholeItems() {
        List<Object> projections = SynthesizedStack.get().json().resources("AWS::DynamoDB::Table").values().stream()
                .flatMap(table -> TemplateJson.list(table, "Properties", "GlobalSecondaryIndexes").stream())
                .map(index -> TemplateJson.at(index, "Projection", "ProjectionType"))
                .toList();
        assertThat(projections).isNotEmpty().containsOnly("ALL");
    }
}
