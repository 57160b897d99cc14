package io.tessera.infra.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.resources.TesseraResources;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awscdk.services.eventschemas.CfnRegistry;
import software.amazon.awscdk.services.eventschemas.CfnSchema;
import software.constructs.Construct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge schema registry {@code tessera}, with one schema per detail type that
 * {@code events.asyncapi.yaml} (the bus contract, packaged with this module) describes: its
 * message payload as a JSON Schema draft 4 document, named {@code <source>@<DetailType>} as
 * EventBridge's schema discovery names them (Amazon EventBridge User Guide, "Schema registries").
 */
final class EventSchemas extends Construct {

    static final String REGISTRY = TesseraResources.EVENT_BUS;
    private static final String CONTRACT = "contract/events.asyncapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    EventSchemas(Construct scope, String id) {
        super(scope, id);
        CfnRegistry registry = CfnRegistry.Builder.create(this, "Registry")
                .registryName(REGISTRY)
                .description("Events Tessera publishes on its tessera bus (events.asyncapi.yaml)")
                .build();
        payloads().forEach((detailType, payload) -> {
            String source = source(payload);
            CfnSchema schema = CfnSchema.Builder.create(this, "Schema" + detailType)
                    .registryName(REGISTRY)
                    .schemaName(source + "@" + detailType)
                    .type("JSONSchemaDraft4")
                    .description(detailType + " from " + source)
                    .content(draft4(detailType, payload))
                    .build();
            schema.addDependency(registry);
        });
    }

    /** Each message of the contract (by detail type), its payload schema with the $ref resolved. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> payloads() {
        Map<String, Object> contract;
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is not on the class path");
            }
            contract = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> components = (Map<String, Object>) contract.get("components");
        Map<String, Object> messages = (Map<String, Object>) components.get("messages");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
        messages.forEach((detailType, message) -> {
            String ref = (String) ((Map<String, Object>) ((Map<String, Object>) message).get("payload")).get("$ref");
            payloads.put(detailType, (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        });
        return payloads;
    }

    @SuppressWarnings("unchecked")
    private static String source(Map<String, Object> payload) {
        Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) payload.get("properties")).get("source");
        return (String) ((List<Object>) source.get("enum")).get(0);
    }

    private static String draft4(String detailType, Map<String, Object> payload) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", "http://json-schema.org/draft-04/schema#");
        document.put("title", detailType);
        document.putAll(payload);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
