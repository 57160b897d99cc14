package io.tessera.api.contract;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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
    private static final String PAGE_SCRIPT = "SwaggerUIBundle({ url: \"openapi.yaml\", dom_id: \"#api\" });";
    private static final String NOSNIFF = "X-Content-Type-Options";
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
              <script>%s</script>
            </body>
            </html>
            """.formatted(PAGE_SCRIPT);

    /**
     * Only this system's files, and of inline code only the page's own script (allowed by its hash, CSP Level 3)
     * and Swagger UI's inline styles and data: images, which it needs (swagger-ui issue #7540).
     */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self' 'sha256-" + sha256(PAGE_SCRIPT) + "'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI's files change only with the pinned webjar, whose version is in their path on disk, not in their URL. */
    private static final String ASSET_CACHING = "public, max-age=3600";

    private final byte[] openApi = read("contract/openapi.yaml");
    private final byte[] asyncApi = read("contract/asyncapi.yaml");
    private final String swaggerUiVersion = swaggerUiVersion();

    @Get("/openapi.yaml")
    @Produces(YAML_TYPE)
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(openApi).contentType(YAML).header(NOSNIFF, "nosniff");
    }

    @Get("/asyncapi.yaml")
    @Produces(YAML_TYPE)
    HttpResponse<byte[]> asyncApi() {
        return HttpResponse.ok(asyncApi).contentType(YAML).header(NOSNIFF, "nosniff");
    }

    /** The page, with a Content-Security-Policy that allows only this system's files and its own inline script. */
    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> docs() {
        return HttpResponse.ok(PAGE)
                .header("Content-Security-Policy", PAGE_POLICY)
                .header(NOSNIFF, "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    /** @return the asset's bytes; 404 for any other name */
    @Get("/docs/{asset}")
    @Produces({JAVASCRIPT_TYPE, CSS_TYPE})
    HttpResponse<byte[]> docsAsset(@PathVariable String asset) {
        MediaType type = ASSETS.get(asset);
        if (type == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such file of the API page.");
        }
        return HttpResponse.ok(read(SWAGGER_UI + swaggerUiVersion + "/" + asset)).contentType(type)
                .header(NOSNIFF, "nosniff")
                .header("Cache-Control", ASSET_CACHING);
    }

    /** The base64 SHA-256 of the text's UTF-8 bytes, as a CSP hash source names it. */
    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
