package io.tessera.bench.fanout;

import java.net.http.WebSocket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket connection of a tenant's admin. Its listener does as little as possible on the
 * client's threads: it stamps each order message with the time and keeps it, to be read after the
 * measurement; replies to its own messages (subscribed, pong, error) complete {@link #reply}.
 */
final class Client implements WebSocket.Listener {

    private final int tenant;
    private final StringBuilder partial = new StringBuilder();
    private final Queue<Delivery> orderMessages = new ConcurrentLinkedQueue<>();
    private final AtomicInteger orderMessageCount = new AtomicInteger();
    private volatile CompletableFuture<String> reply = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile String closedBecause;

    Client(int tenant) {
        this.tenant = tenant;
    }

    int tenant() {
        return tenant;
    }

    int orderMessageCount() {
        return orderMessageCount.get();
    }

    List<Delivery> orderMessages() {
        return List.copyOf(orderMessages);
    }

    boolean isOpen() {
        return socket != null && closedBecause == null && !socket.isInputClosed();
    }

    String closedBecause() {
        return closedBecause;
    }

    /** Sends a message and completes with the text of the next reply that is not an order message. */
    CompletableFuture<String> ask(String message) {
        CompletableFuture<String> next = new CompletableFuture<>();
        reply = next;
        socket.sendText(message, true).whenComplete((sent, error) -> {
            if (error != null) {
                next.completeExceptionally(error);
            }
        });
        return next;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            if (text.contains("\"type\":\"order.")) {
                orderMessages.add(new Delivery(now, text));
                orderMessageCount.incrementAndGet();
            } else {
                reply.complete(text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedBecause = "closed by the server (" + statusCode + " " + reason + ")";
        reply.completeExceptionally(new IllegalStateException(closedBecause));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedBecause = error.toString();
        reply.completeExceptionally(error);
    }
}
