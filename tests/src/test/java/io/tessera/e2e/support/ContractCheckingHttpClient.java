package io.tessera.e2e.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * The generated client's HTTP client, with every response checked against {@link Contract}
 * before the client sees it. The body is read once, checked, then handed to the caller's
 * body handler as if it came from the network.
 */
final class ContractCheckingHttpClient extends HttpClient {

    private final HttpClient delegate;

    ContractCheckingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** One client for the whole test run, so connections are reused as a real app's would be. */
    private static final HttpClient SHARED = new ContractCheckingHttpClient(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

    /**
     * A builder for the generated {@code ApiClient}, which asks its builder for a new client for
     * every API object it makes; this one hands out the shared, contract-checking client.
     */
    static HttpClient.Builder builder() {
        return new HttpClient.Builder() {
            public Builder cookieHandler(CookieHandler handler) { throw unsupported(); }
            public Builder connectTimeout(Duration duration) { throw unsupported(); }
            public Builder sslContext(SSLContext context) { throw unsupported(); }
            public Builder sslParameters(SSLParameters parameters) { throw unsupported(); }
            public Builder executor(Executor executor) { throw unsupported(); }
            public Builder followRedirects(Redirect policy) { throw unsupported(); }
            public Builder version(Version version) { throw unsupported(); }
            public Builder priority(int priority) { throw unsupported(); }
            public Builder proxy(ProxySelector selector) { throw unsupported(); }
            public Builder authenticator(Authenticator authenticator) { throw unsupported(); }
            public HttpClient build() { return SHARED; }
        };
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("the shared test client is configured once, in ContractCheckingHttpClient");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<byte[]> raw = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        raw.headers().map().forEach((name, values) -> headers.put(name, values.getFirst()));
        Contract.checkResponse(request.method(), request.uri().getRawPath(), raw.statusCode(), headers, raw.body());
        return new Replayed<>(raw, bodyFor(raw, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("the end-to-end tests call synchronously");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        throw new UnsupportedOperationException("the end-to-end tests call synchronously");
    }

    private static <T> T bodyFor(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            public int statusCode() { return raw.statusCode(); }
            public HttpHeaders headers() { return raw.headers(); }
            public Version version() { return raw.version(); }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            public void request(long n) { }
            public void cancel() { }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
        subscriber.onComplete();
        return subscriber.getBody().toCompletableFuture().join();
    }

    private record Replayed<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
        public int statusCode() { return raw.statusCode(); }
        public HttpRequest request() { return raw.request(); }
        public Optional<HttpResponse<T>> previousResponse() { return Optional.empty(); }
        public HttpHeaders headers() { return raw.headers(); }
        public Optional<SSLSession> sslSession() { return raw.sslSession(); }
        public URI uri() { return raw.uri(); }
        public Version version() { return raw.version(); }
    }

    @Override public Optional<CookieHandler> cookieHandler() { return delegate.cookieHandler(); }
    @Override public Optional<Duration> connectTimeout() { return delegate.connectTimeout(); }
    @Override public Redirect followRedirects() { return delegate.followRedirects(); }
    @Override public Optional<ProxySelector> proxy() { return delegate.proxy(); }
    @Override public SSLContext sslContext() { return delegate.sslContext(); }
    @Override public SSLParameters sslParameters() { return delegate.sslParameters(); }
    @Override public Optional<Authenticator> authenticator() { return delegate.authenticator(); }
    @Override public Version version() { return delegate.version(); }
    @Override public Optional<Executor> executor() { return delegate.executor(); }
}
