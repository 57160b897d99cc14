package io.tessera.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) on the local system's {@code /ws}, collecting what the server sends. */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One HTTP client opens every test WebSocket; each connection is closed with its {@link WsClient}. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A message as received, with when it arrived. */
    public record Received(JsonNode message, long receivedNanos) {
        public String type() {
            return message.path("type").asText();
        }
    }

    /** How the server closed the connection: the close frame's code and reason. */
    public record Closed(int code, String reason) {
    }

    private final WebSocket socket;
    private final BlockingQueue<Received> inbox;
    private final List<AssertionError> violations;
    private final CompletableFuture<Closed> closed;

    private WsClient(WebSocket socket, Collector collector) {
        this.socket = socket;
        this.inbox = collector.inbox;
        this.violations = collector.violations;
        this.closed = collector.closed;
    }

    /** Connects, or throws {@link Refused} with the handshake's HTTP status. */
    public static WsClient connect(String idToken) throws Exception {
        Collector collector = new Collector();
        String url = LocalSystem.baseUrl().replaceFirst("^http", "ws") + "/ws?token=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8);
        try {
            WebSocket socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(url), collector)
                    .get(10, TimeUnit.SECONDS);
            return new WsClient(socket, collector);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                throw new Refused(handshake.getResponse().statusCode());
            }
            throw e;
        }
    }

    public static final class Refused extends Exception {
        private final int status;

        Refused(int status) {
            super("WebSocket handshake refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends, unless the connection's output is closed already (the server closed it); returns whether it was sent. */
    public boolean trySend(String text) {
        try {
            socket.sendText(text, true).join();
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            return false;
        }
    }

    /**
     * Sends one message as several frames of at most {@code frameChars} characters each (RFC 6455 §5.4),
     * stopping when the server closed the connection meanwhile (the client's output closes with it).
     */
    public void sendFragmented(String text, int frameChars) {
        for (int start = 0; start < text.length(); start += frameChars) {
            int end = Math.min(text.length(), start + frameChars);
            try {
                socket.sendText(text.substring(start, end), end == text.length()).join();
            } catch (java.util.concurrent.CompletionException e) {
                if (closed.isDone()) {
                    return;
                }
                throw e;
            }
        }
    }

    /** Waits for the server to close the connection; fails if it does not within {@code timeout}. */
    public Closed awaitClose(Duration timeout) throws Exception {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + timeout);
        }
    }

    /** Whether the server closed the connection by now. */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Subscribes and waits for the server's acknowledgement (or error). */
    public Received subscribe(String channel) throws InterruptedException {
        return subscribe(channel, Duration.ofSeconds(5));
    }

    public Received subscribe(String channel, Duration timeout) throws InterruptedException {
        send("{\"action\":\"subscribe\",\"channel\":\"" + channel + "\"}");
        return await(message -> message.type().equals("subscribed") || message.type().equals("error"), timeout);
    }

    /** The next message that matches, skipping others; fails after {@code timeout}. */
    public Received await(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            failOnViolations();
            Received next = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching WebSocket message within " + timeout);
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    /** Everything that arrives until nothing more has come for {@code quiet}. */
    public List<Received> drain(Duration quiet) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        Received next;
        while ((next = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            all.add(next);
        }
        failOnViolations();
        return all;
    }

    private void failOnViolations() {
        if (!violations.isEmpty()) {
            throw violations.getFirst();
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(error -> null).join();
    }

    /** Hands messages to the inbox; a message that breaks the contract is kept to fail the test with. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        private final List<AssertionError> violations = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Closed> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                try {
                    JsonNode message = JSON.readTree(text);
                    Contract.checkWebSocketMessage(message);
                    inbox.add(new Received(message, now));
                } catch (java.io.IOException | AssertionError e) {
                    violations.add(new AssertionError("the server sent " + text, e));
                }
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
