package io.tessera.e2e.support;

import io.tessera.client.model.UploadGrant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * What a client does with a presigned upload or download URL: talk to S3 (here the emulator)
 * directly, as a browser or mobile app would.
 */
public final class S3Requests {

    /** Headers the HTTP client sets itself and refuses to take from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private S3Requests() {
    }

    /** Sends {@code body} with the grant's method, URL and headers; returns the HTTP status. */
    public static int upload(UploadGrant grant, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(grant.getUrl())
                .method(grant.getMethod().getValue(), HttpRequest.BodyPublishers.ofByteArray(body));
        grant.getHeaders().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** PUTs to an arbitrary URL of the bucket (the emulator does not check signatures). */
    public static int putUnsigned(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
