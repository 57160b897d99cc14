package io.tessera.e2e.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The contracts, {@code openapi.yaml} and {@code asyncapi.yaml}, as validators of what the
 * running system really sends. For REST: Object schemas are closed before
 * validation (no {@code additionalProperties} unless the spec allows them), so an undocumented
 * field fails just like an undocumented status or content type.
 */
public final class Contract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createFor(closed(new OpenAPIV3Parser().read(specPath().toString(), null, resolving())))
            .build();

    private static final JsonSchema SERVER_MESSAGE = serverMessageSchema();

    private static final Map<String, JsonSchema> BUS_EVENTS = busEventSchemas();

    private Contract() {
    }

    /** Throws an AssertionError if the message is not one of the server messages of asyncapi.yaml. */
    public static void checkWebSocketMessage(JsonNode message) {
        Set<ValidationMessage> errors = SERVER_MESSAGE.validate(message);
        if (!errors.isEmpty()) {
            throw new AssertionError("WebSocket message breaks asyncapi.yaml: " + message + "\n" + errors);
        }
    }

    /**
     * asyncapi.yaml itself as the schema: an {@code anyOf} over the payloads of every message the
     * server sends, with {@code $ref}s resolved inside the document.
     */
    private static JsonSchema serverMessageSchema() {
        try {
            ObjectNode document = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(specPath().resolveSibling("asyncapi.yaml").toFile());
            ArrayNode payloads = document.putArray("anyOf");
            document.path("channels").path("/ws").path("subscribe").path("message").path("oneOf").forEach(ref -> {
                String name = ref.path("$ref").asText().substring("#/components/messages/".length());
                payloads.addObject().put("$ref", "#/components/messages/" + name + "/payload");
            });
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read asyncapi.yaml", e);
        }
    }

    /** The detail types events.asyncapi.yaml describes. */
    public static Set<String> busEventTypes() {
        return BUS_EVENTS.keySet();
    }

    /**
     * Throws an AssertionError if the EventBridge event (as a rule's SQS target receives it) is not
     * one that events.asyncapi.yaml describes, or breaks its schema (details are closed there).
     */
    public static void checkBusEvent(JsonNode event) {
        JsonSchema schema = BUS_EVENTS.get(event.path("detail-type").asText());
        if (schema == null) {
            throw new AssertionError("event not described in events.asyncapi.yaml: " + event);
        }
        Set<ValidationMessage> errors = schema.validate(event);
        if (!errors.isEmpty()) {
            throw new AssertionError("event breaks events.asyncapi.yaml: " + event + "\n" + errors);
        }
    }

    /** One schema per message of events.asyncapi.yaml: the document itself, rooted at that message's payload. */
    private static Map<String, JsonSchema> busEventSchemas() {
        try {
            ObjectNode document = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(specPath().resolveSibling("events.asyncapi.yaml").toFile());
            Map<String, JsonSchema> schemas = new TreeMap<>();
            document.path("components").path("messages").fieldNames().forEachRemaining(name -> {
                ObjectNode rooted = document.deepCopy();
                rooted.putArray("allOf").addObject().put("$ref", "#/components/messages/" + name + "/payload");
                schemas.put(name, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(rooted));
            });
            return schemas;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read events.asyncapi.yaml", e);
        }
    }

    /** Throws an AssertionError naming every way the response breaks the contract. */
    public static void checkResponse(String method, String path, int status, Map<String, String> headers, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("content-type")) {
                response.withContentType(value);
            } else {
                response.withHeader(name, value);
            }
        });
        if (body.length > 0) {
            response.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        if (report.hasErrors()) {
            throw new AssertionError("response breaks openapi.yaml: " + method + " " + path + " -> " + status + "\n"
                    + report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n"))
                    + "\nbody: " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Path specPath() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (dir.resolve("openapi.yaml").toFile().isFile()) {
                return dir.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("openapi.yaml not found above " + here);
    }

    private static ParseOptions resolving() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return options;
    }

    /** Closes every response schema (fully resolved, so each operation holds its own copies). */
    private static OpenAPI closed(OpenAPI api) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().values().forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().values().forEach(media -> close(media.getSchema()));
                    }
                })));
        return api;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void close(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            if (schema.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(false);
            }
            ((Map<String, Schema>) schema.getProperties()).values().forEach(Contract::close);
        }
        close(schema.getItems());
    }
}
