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
