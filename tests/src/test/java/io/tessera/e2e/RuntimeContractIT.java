package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.e2e.support.Contract;
import io.tessera.e2e.support.LocalSystem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running system says about itself: its contracts (served byte for byte, with Swagger UI
 * from the system itself), its probes, its build and its metrics. These are plain HTTP resources
 * (YAML, HTML, the local process's management endpoints), which the typed client does not read,
 * so they are fetched with the JDK's HTTP client; those in openapi.yaml are checked against it.
 */
class RuntimeContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theContractsAreServedAsTheRepositoryHoldsThem() throws IOException {
        for (String document : List.of("openapi.yaml", "asyncapi.yaml")) {
            HttpResponse<String> response = documented("GET", "/" + document, "application/yaml");

            assertThat(response.statusCode()).as(document).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(document).hasValue("application/yaml");
            assertThat(response.body()).as(document).isEqualTo(Files.readString(repository().resolve(document), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theApiPageLoadsSwaggerUiAndTheContractFromThisSystemOnly() {
        HttpResponse<String> page = documented("GET", "/docs", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("docs/swagger-ui-bundle.js", "docs/swagger-ui.css", "url: \"openapi.yaml\"")
                .doesNotContain("http://", "https://", "src=\"//", "href=\"//");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self' 'sha256-", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        HttpResponse<String> script = documented("GET", "/docs/swagger-ui-bundle.js", "*/*");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.body()).contains("SwaggerUIBundle");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        HttpResponse<String> style = documented("GET", "/docs/swagger-ui.css", "text/css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    void onlyThePagesOwnFilesAreServedUnderDocs() {
        for (String path : List.of("/docs/index.html", "/docs/..%2F..%2Fopenapi.yaml", "/docs/swagger-ui-es-bundle.js")) {
            HttpResponse<String> response = documented("GET", path, "*/*");

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
        assertThat(plain("POST", "/openapi.yaml", "*/*").statusCode()).isEqualTo(405);
    }

    @Test
    void livenessAnswersAndReadinessChecksEveryAwsServiceTheProcessNeeds() throws IOException {
        HttpResponse<String> liveness = plain("GET", "/health/liveness", "application/json");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");

        HttpResponse<String> readiness = plain("GET", "/health/readiness", "application/json");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(readiness.body()).path("components");
        assertThat(components.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("dynamodb", "sqs", "eventbridge", "s3", "cognito");
        components.forEach(component -> assertThat(component.path("status").asText()).isEqualTo("UP"));
        assertThat(components.path("dynamodb").path("details").has("tessera-main")).isTrue();
    }

    @Test
    void infoNamesTheVersionAndTheCommitTheProcessWasBuiltFrom() throws IOException {
        HttpResponse<String> info = plain("GET", "/info", "application/json");

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(info.body());
        assertThat(body.path("build").path("version").asText()).isNotBlank();
        assertThat(body.path("git").path("commit").path("id").asText()).matches("[0-9a-f]{40}");
    }

    @Test
    void metricsCountTheRequestsThisProcessServedForPlatformAdminsOnly() throws Exception {
        documented("GET", "/health", "application/json");
        String platformAdmin = LocalSystem.platformAdmin().idToken();

        // Its tags name every tenant: nobody else reads it.
        assertThat(plain("GET", "/metrics", "application/json").statusCode()).isEqualTo(401);
        assertThat(plain("GET", "/metrics/tessera.Requests", "application/json", LocalSystem.demoAdmin().idToken()).statusCode()).isEqualTo(403);
        HttpResponse<String> names = plain("GET", "/metrics", "application/json", platformAdmin);
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(StreamSupport.stream(JSON.readTree(names.body()).path("names").spliterator(), false).map(JsonNode::asText))
                .contains("http.server.requests", "jvm.memory.used");
        HttpResponse<String> requests = plain("GET", "/metrics/http.server.requests", "application/json", platformAdmin);
        assertThat(requests.statusCode()).isEqualTo(200);
        JsonNode count = StreamSupport.stream(JSON.readTree(requests.body()).path("measurements").spliterator(), false)
                .filter(measurement -> measurement.path("statistic").asText().equals("COUNT"))
                .findFirst().orElseThrow();
        assertThat(count.path("value").asDouble()).isPositive();

        HttpResponse<String> malformedTag = plain("GET", "/metrics/http.server.requests?tag=status", "application/json", platformAdmin);
        assertThat(malformedTag.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformedTag.body()).path("detail").asText()).contains("query parameters").doesNotContain("body");
    }

    /** The other management endpoints stay off: nothing of the process's beans or configuration is exposed. */
    @Test
    void noOtherManagementEndpointAnswers() {
        for (String path : List.of("/beans", "/env", "/loggers", "/routes", "/threaddump", "/refresh", "/stop")) {
            assertThat(plain("GET", path, "application/json").statusCode()).as(path).isIn(401, 404);
        }
    }

    /** A request to an operation of openapi.yaml; its answer is checked against the contract. */
    private static HttpResponse<String> documented(String method, String path, String accept) {
        HttpResponse<String> response = plain(method, path, accept);
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.getFirst()));
        Contract.checkResponse(method, URI.create(path).getRawPath(), response.statusCode(), headers,
                response.body().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private static HttpResponse<String> plain(String method, String path, String accept) {
        return plain(method, path, accept, null);
    }

    private static HttpResponse<String> plain(String method, String path, String accept, String idToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(LocalSystem.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", accept);
        if (idToken != null) {
            builder.header("Authorization", "Bearer " + idToken);
        }
        HttpRequest request = builder.build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (dir.resolve("openapi.yaml").toFile().isFile()) {
                return dir;
            }
        }
        throw new IllegalStateException("openapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
