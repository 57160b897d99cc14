package io.tessera.bench.fanout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Opens WebSocket connections to {@code /ws?token=...} through one JDK HTTP client, a bounded
 * number of handshakes at a time, and optionally subscribes each to the {@code orders} channel.
 */
final class Connector {

    static final String SUBSCRIBE_ORDERS = "{\"action\":\"subscribe\",\"channel\":\"orders\"}";
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI webSocketEndpoint;
    private final int inFlight;

    Connector(URI webSocketEndpoint, int inFlight) {
        this.webSocketEndpoint = webSocketEndpoint;
        this.inFlight = inFlight;
    }

    /**
     * Opens up to {@code count} connections, the i-th as {@code clientOf.apply(i)} with that client's
     * tenant's token; stops starting new ones once {@code maxFailures} failed.
     */
    Ramp open(int count, IntFunction<Client> clientOf, List<String> tokens, boolean subscribe, int maxFailures)
            throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        List<Client> opened = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < count && failures.get() < maxFailures; i++) {
            slots.acquire();
            Client client = clientOf.apply(i);
            URI uri = URI.create(webSocketEndpoint + "?token=" + URLEncoder.encode(tokens.get(client.tenant()), StandardCharsets.UTF_8));
            http.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT).buildAsync(uri, client)
                    .orTimeout(HANDSHAKE_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)
                    .thenCompose(socket -> subscribe ? confirmSubscription(client) : CompletableFuture.completedFuture(null))
                    .whenComplete((done, error) -> {
                        if (error == null) {
                            opened.add(client);
                        } else {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, rootCause(error).toString());
                        }
                        slots.release();
                    });
        }
        slots.acquire(inFlight);
        return new Ramp(List.copyOf(opened), failures.get(), firstFailure.get(), (System.nanoTime() - start) / 1e9);
    }

    private static CompletableFuture<Void> confirmSubscription(Client client) {
        return client.ask(SUBSCRIBE_ORDERS).orTimeout(30, TimeUnit.SECONDS).thenAccept(reply -> {
            if (!reply.contains("\"type\":\"subscribed\"")) {
                throw new IllegalStateException("subscribing was answered " + reply);
            }
        });
    }

    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
