package io.tessera.infra.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The bus contract in the EventBridge schema registry: one closed schema per detail type of events.asyncapi.yaml. */
class EventSchemasTest {

    private final TemplateJson json = SynthesizedStack.get().json();

    @Test
    void theRegistryHoldsOneDraft4SchemaPerDetailTypeNamedBySourceAndType() throws Exception {
        assertThat(json.resources("AWS::EventSchemas::Registry").values())
                .singleElement()
                .satisfies(registry -> assertThat(TemplateJson.properties(registry)).containsEntry("RegistryName", "tessera"));
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (Map<String, Object> schema : json.resources("AWS::EventSchemas::Schema").values()) {
            Map<String, Object> properties = TemplateJson.properties(schema);
            assertThat(properties).containsEntry("RegistryName", "tessera").containsEntry("Type", "JSONSchemaDraft4");
            schemas.put((String) properties.get("SchemaName"), new ObjectMapper().readTree((String) properties.get("Content")));
        }

        assertThat(schemas.keySet()).containsExactly("tessera.basket@CheckoutRequested", "tessera.orders@OrderCreated",
                "tessera.orders@OrderStatusChanged", "tessera.tenants@TenantOnboarded", "tessera.tenants@TenantStatusChanged",
                "tessera.tenants@UserAccessChanged");
        assertThat(schemas.keySet()).hasSameSizeAs(EventSchemas.payloads().keySet());
        schemas.forEach((name, schema) -> {
            assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-04/schema#");
            assertThat(schema.path("properties").path("detail").path("additionalProperties").asBoolean(true))
                    .as("the detail of " + name + " is closed").isFalse();
            assertThat(schema.toString()).as(name + " stands alone").doesNotContain("$ref");
        });
    }
}
