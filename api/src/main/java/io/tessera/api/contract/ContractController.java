package io.tessera.api.contract;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The contracts the running system keeps, served by it: {@code GET /openapi.yaml} (OpenAPI 3.0),
 * {@code GET /asyncapi.yaml} (AsyncAPI 3.0), both the repository's files packaged at build time,
 * and Swagger UI at {@code GET /docs}, whose script and style sheet come from the pinned
 * {@code org.webjars:swagger-ui} jar on the class path, never from a CDN. YAML is served as
 * {@code application/yaml} (RFC 9512). The page's links are relative, so it works under API
 * Gateway's stage prefix as well as at the local root.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ContractController {

    private static final String YAML_TYPE = "application/yaml";
    private static final String JAVASCRIPT_TYPE = "text/javascript";
    private static final String CSS_TYPE = "text/css";
    private static final MediaType YAML = MediaType.of(YAML_TYPE);
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, MediaType> ASSETS = Map.of(
            "swagger-ui-bundle.js", MediaType.of(JAVASCRIPT_TYPE),
            "swagger-ui.css", MediaType.of(CSS_TYPE));
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Tessera API</title>
              <link rel="stylesheet" href="docs/swagger-ui.css">
            </head>
            <body>
              <main id="api"></main>
              <script src="docs/swagger-ui-bundle.js"></script>
              <script>SwaggerUIBundle({ url: "openapi.yaml", dom_id: "#api" });</script>
            </body>
            </html>
            """;

    private final byte[] openApi = read("contract/openapi.yaml");
    private final byte[] asyncApi = read("contract/asyncapi.yaml");
    private final String swaggerUiVersion = swaggerUiVersion();

    @Get("/openapi.yaml")
    @Produces(YAML_TYPE)
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(openApi).contentType(YAML);
    }

    @Get("/asyncapi.yaml")
    @Produces(YAML_TYPE)
    HttpResponse<byte[]> asyncApi() {
        return HttpResponse.ok(asyncApi).contentType(YAML);
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    String docs() {
        return PAGE;
    }

    /** @return the asset's bytes; 404 for any other name */
    @Get("/docs/{asset}")
    @Produces({JAVASCRIPT_TYPE, CSS_TYPE})
    HttpResponse<byte[]> docsAsset(@PathVariable String asset) {
        MediaType type = ASSETS.get(asset);
        if (type == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such file of the API page.");
        }
        return HttpResponse.ok(read(SWAGGER_UI + swaggerUiVersion + "/" + asset)).contentType(type);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ContractController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its Maven metadata, names the folder its files are in. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = ContractController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
