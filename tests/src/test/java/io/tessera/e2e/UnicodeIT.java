package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text is Unicode-correct on every request body: a string that is not Unicode text
 * is 400 naming the field, before anything is written, and every length limit counts code
 * points, as openapi.yaml's JSON Schema does.
 */
class UnicodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONE_SURROGATE = "x\\ud800";
    private static final String EMOJI = "😀";

    /** An operation with a JSON body, a body the contract accepts, and the schema of that body. */
    private record BodyOperation(String method, String path, boolean asAdmin, String validBody, String schema) {
    }

    private static final List<BodyOperation> OPERATIONS = List.of(
            new BodyOperation("POST", "/auth/login", false, "{\"username\":\"nobody@example.com\",\"password\":\"Not-The-Passw0rd\"}", "LoginRequest"),
            new BodyOperation("POST", "/auth/refresh", false, "{\"refreshToken\":\"not-a-token\"}", "RefreshRequest"),
            new BodyOperation("POST", "/auth/challenge", false,
                    "{\"username\":\"nobody@example.com\",\"session\":\"s\",\"newPassword\":\"Brand-New-Passw0rd\"}", "ChallengeAnswer"),
            new BodyOperation("POST", "/tenants", false,
                    "{\"companyName\":\"Acme\",\"adminEmail\":\"unicode-%s@unicode.example.com\",\"password\":\"Acme-Passw0rd-1\",\"tier\":\"basic\"}",
                    "SignupRequest"),
            new BodyOperation("POST", "/users", true, "{\"email\":\"someone-%s@unicode.example.com\",\"role\":\"members\"}", "InviteRequest"),
            new BodyOperation("POST", "/products", true,
                    "{\"name\":\"Widget\",\"description\":\"A widget\",\"priceMinor\":100,\"currency\":\"EUR\",\"stock\":1}", "ProductRequest"),
            new BodyOperation("POST", "/uploads", true, "{\"fileName\":\"a.png\",\"contentType\":\"image/png\",\"sizeBytes\":10}", "UploadRequest"));

    private static JsonNode schemas;
    private static TestTenant tenant;

    @BeforeAll
    static void readTheContract() throws Exception {
        schemas = new ObjectMapper(new YAMLFactory()).readTree(contract().toFile()).path("components").path("schemas");
        tenant = TestTenant.signUp(Tier.PREMIUM);
    }

    @Test
    void aProductNameWithALoneSurrogateIs400NamingTheFieldAndNothingIsWritten() throws Exception {
        int before = new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems().size();

        HttpResponse<String> response = RawHttp.send("POST", "/products", tenant.admin().idToken(),
                "{\"name\":\"x\\ud800\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("name").contains("Unicode");
        assertThat(new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems()).hasSize(before);
    }

    @Test
    void aProductNameOf150EmojiFitsTheContracts200Characters() throws Exception {
        HttpResponse<String> response = RawHttp.send("POST", "/products", tenant.admin().idToken(),
                "{\"name\":\"" + EMOJI.repeat(150) + "\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).path("name").asText()).isEqualTo(EMOJI.repeat(150));
    }

    @Test
    void everyStringFieldOfEveryBodyRefusesALoneSurrogateNamingTheField() throws Exception {
        for (BodyOperation operation : OPERATIONS) {
            for (String field : stringFields(operation.schema())) {
                HttpResponse<String> response = send(operation, field, LONE_SURROGATE);
                assertThat(response.statusCode()).as("%s %s with %s not Unicode: %s", operation.method(), operation.path(), field, response.body())
                        .isEqualTo(400);
                assertThat(JSON.readTree(response.body()).path("detail").asText()).as("%s %s", operation.path(), field).contains(field);
            }
        }
    }

    @Test
    void everyLengthLimitOfFreeTextCountsCodePointsAsTheContractDoes() throws Exception {
        for (BodyOperation operation : OPERATIONS) {
            for (String field : stringFields(operation.schema())) {
                JsonNode property = schemas.path(operation.schema()).path("properties").path(field);
                if (!property.has("maxLength") || property.has("format") || !isFreeText(property)) {
                    continue;
                }
                int max = property.path("maxLength").asInt();
                HttpResponse<String> atLimit = send(operation, field, EMOJI.repeat(max));
                HttpResponse<String> overLimit = send(operation, field, EMOJI.repeat(max + 1));
                assertThat(atLimit.statusCode()).as("%s %s with %d emoji in %s: %s", operation.method(), operation.path(), max, field,
                        atLimit.body()).isNotEqualTo(400);
                assertThat(overLimit.statusCode()).as("%s %s with %d emoji in %s", operation.method(), operation.path(), max + 1, field)
                        .isEqualTo(400);
                assertThat(overLimit.body()).contains(field);
            }
        }
    }

    /** Text a person writes: no pattern, or only the contract's "not only white space" one. */
    private static boolean isFreeText(JsonNode property) {
        return !property.has("pattern") || property.path("pattern").asText().startsWith("[^");
    }

    private static List<String> stringFields(String schema) {
        List<String> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties = schemas.path(schema).path("properties").fields();
        properties.forEachRemaining(property -> {
            JsonNode definition = property.getValue();
            if ("string".equals(definition.path("type").asText()) || definition.has("$ref")) {
                fields.add(property.getKey());
            }
        });
        assertThat(fields).as("string fields of %s", schema).isNotEmpty();
        return fields;
    }

    /** The operation's valid body with one field's value replaced by raw JSON string content. */
    private static HttpResponse<String> send(BodyOperation operation, String field, String rawValue) throws Exception {
        String unique = Long.toHexString(System.nanoTime());
        ObjectNode body = (ObjectNode) JSON.readTree(operation.validBody().formatted(unique));
        body.put(field, "__VALUE__");
        String json = JSON.writeValueAsString(body).replace("\"__VALUE__\"", "\"" + rawValue + "\"");
        return RawHttp.send(operation.method(), operation.path(), operation.asAdmin() ? tenant.admin().idToken() : null, json);
    }

    private static Path contract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (dir.resolve("openapi.yaml").toFile().isFile()) {
                return dir.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("openapi.yaml not found");
    }
}
