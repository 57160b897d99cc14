package io.tessera.e2e.support;


import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests the typed client cannot make (malformed JSON, wrong types, oversize bodies), sent
 * through the generated client's own transport, so the answers are contract-checked too.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static HttpResponse<String> send(String method, String path, String idToken, String body) {
        return sendWithHeaders(method, path, idToken, body);
    }

    /** {@code headers} are name, value, name, value... */
    public static HttpResponse<String> sendWithHeaders(String method, String path, String idToken, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalSystem.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (idToken != null) {
            request.header("Authorization", "Bearer " + idToken);
        }
        try {
            return LocalSystem.anonymous().getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
