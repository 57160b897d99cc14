package io.tessera.local.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin console (console/, built by scripts/build-console and packaged into this jar under
 * {@code console/}) at {@code /console/}: anonymous, like any static site, since the console itself
 * signs in through the API. Only the flat files of the build are served (no sub-folders, so no path
 * can leave the folder), with a Content-Security-Policy that allows this origin's scripts, styles
 * and API, and the emulator's S3 endpoint the presigned image uploads go to. Each file carries a
 * strong ETag, so a browser revalidates it with a 304 instead of downloading it again.
 */
@Controller("/console")
@Secured(SecurityRule.IS_ANONYMOUS)
class ConsoleController {

    private static final String FOLDER = "console/";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.(html|js|css|json|txt)");
    private static final Map<String, MediaType> TYPES = Map.of(
            "html", MediaType.TEXT_HTML_TYPE,
            "js", MediaType.of("text/javascript"),
            "css", MediaType.of("text/css"),
            "json", MediaType.APPLICATION_JSON_TYPE,
            "txt", MediaType.TEXT_PLAIN_TYPE);

    private final String contentSecurityPolicy;

    ConsoleController(@Value("${AWS_ENDPOINT_URL:}") String awsEndpoint) {
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'" + originOf(awsEndpoint).map(origin -> " " + origin).orElse("") + "; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    /**
     * @param name a file of the build; none for the page itself, at /console/ (its links are
     *             relative to it, so /console is sent there)
     * @return the file; 404 for any other name, and when the console was not built
     */
    @Get("{/name}")
    HttpResponse<byte[]> file(HttpRequest<?> request, @Nullable @PathVariable String name) {
        if (name == null && !request.getPath().endsWith("/")) {
            return HttpResponse.<byte[]>status(HttpStatus.PERMANENT_REDIRECT).header("Location", "/console/");
        }
        String file = name == null ? "index.html" : name;
        if (!FILE_NAME.matcher(file).matches()) {
            throw notFound();
        }
        byte[] content = read(FOLDER + file).orElseThrow(ConsoleController::notFound);
        String etag = entityTag(content);
        MutableHttpResponse<byte[]> response = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH, String.class)
                .filter(etag::equals)
                .map(unchanged -> HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED))
                .orElseGet(() -> HttpResponse.ok(content).contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1))));
        return response
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                // Fixed names: the browser asks again each time, and gets 304 while the build is the same.
                .header("Cache-Control", "no-cache")
                .header(HttpHeaders.ETAG, etag);
    }

    /** A strong validator of the file's bytes (RFC 9110 §8.8.3): their SHA-256, quoted. */
    private static String entityTag(byte[] content) {
        try {
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "No such file of the console (build it with scripts/build-console).");
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = ConsoleController.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> originOf(String endpoint) {
        if (endpoint.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(endpoint);
        return Optional.of(uri.getScheme() + "://" + uri.getAuthority());
    }
}
