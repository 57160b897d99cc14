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

    /** A builder for the generated {@code ApiClient} whose clients check the contract. */
    static HttpClient.Builder builder() {
        HttpClient.Builder real = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return new HttpClient.Builder() {
            public Builder cookieHandler(CookieHandler handler) { real.cookieHandler(handler); return this; }
            public Builder connectTimeout(Duration duration) { real.connectTimeout(duration); return this; }
            public Builder sslContext(SSLContext context) { real.sslContext(context); return this; }
            public Builder sslParameters(SSLParameters parameters) { real.sslParameters(parameters); return this; }
            public Builder executor(Executor executor) { real.executor(executor); return this; }
            public Builder followRedirects(Redirect policy) { real.followRedirects(policy); return this; }
            public Builder version(Version version) { real.version(version); return this; }
            public Builder priority(int priority) { real.priority(priority); return this; }
            public Builder proxy(ProxySelector selector) { real.proxy(selector); return this; }
            public Builder authenticator(Authenticator authenticator) { real.authenticator(authenticator); return this; }
            public HttpClient build() { return new ContractCheckingHttpClient(real.build()); }
        };
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
