package io.tessera.faults;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AuthApi;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.UploadsApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.Role;
import io.tessera.client.model.Tier;
import io.tessera.client.model.UploadGrant;
import io.tessera.client.model.UploadRequest;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.S3Requests;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mixed traffic for a bounded time: REST reads and writes, WebSocket sessions that come and go,
 * uploads to S3. Nothing may fail on the server's side, and once the traffic stops the app holds no
 * more connections and no more heap (after a full collection) than before it started.
 */
class SoakIT {

    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration SOAK = Duration.ofSeconds(40);
    private static final int WORKERS = 3;
    /** The emulator, one Python process, is what saturates first; an acknowledgement may wait on it. */
    private static final Duration SLOW_ACK = Duration.ofSeconds(20);
    private static final int APP_PORT = 8080;
    private static final Duration SETTLING = Duration.ofSeconds(30);
    /** Room for what a warm JVM still settles (JIT, caches that reached their size), not for a leak. */
    private static final double HEAP_SLACK = 1.25;
    private static final byte[] FILE = "soak test file\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void mixedTrafficGetsNoServerErrorsAndLeavesNoConnectionsOrHeapBehind() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.PREMIUM);
        TestTenant.Member member = tenant.invite(Role.MEMBERS);
        String productId = Shop.product(tenant.asAdmin(), 100, 1_000_000).getProductId();
        Traffic traffic = new Traffic(tenant.admin().idToken(), member.login().idToken(), productId);
        AppProcess app = AppProcess.local();

        traffic.runFor(WARM_UP);
        long connectionsBefore = app.establishedConnectionsOn(APP_PORT);
        long heapBefore = app.heapAfterGcKib();

        traffic.runFor(SOAK);
        long connectionsAfter = settledConnections(app, connectionsBefore);
        long heapAfter = app.heapAfterGcKib();

        System.out.printf("[measure] soak: %d requests, %d WebSocket sessions, %d uploads in %ss; statuses %s; "
                        + "connections %d -> %d; heap after GC %d KiB -> %d KiB%n",
                traffic.requests.get(), traffic.sessions.get(), traffic.uploads.get(), SOAK.toSeconds(), traffic.statuses,
                connectionsBefore, connectionsAfter, heapBefore, heapAfter);
        assertThat(traffic.statuses.keySet()).as("answers").containsOnly("2xx", "s3 200");
        assertThat(traffic.failures).as("requests that got no answer").isEmpty();
        assertThat(connectionsAfter).as("open client connections").isLessThanOrEqualTo(connectionsBefore);
        assertThat(heapAfter).as("heap after a full collection, KiB").isLessThanOrEqualTo((long) (heapBefore * HEAP_SLACK));
    }

    /** Connections close asynchronously once their clients are done: the count after they had time to. */
    private static long settledConnections(AppProcess app, long before) throws Exception {
        long now = app.establishedConnectionsOn(APP_PORT);
        for (int second = 0; second < SETTLING.toSeconds() && now > before; second++) {
            Thread.sleep(1000);
            now = app.establishedConnectionsOn(APP_PORT);
            System.out.println("[measure] soak: " + now + " connections " + (second + 1) + " s after the traffic");
        }
        return now;
    }

    /** What {@link #WORKERS} clients do, over the test run's shared HTTP connections. */
    private static final class Traffic {
        private final String adminToken;
        private final String memberToken;
        private final String productId;
        /** Answers by kind: "2xx", or the status of anything else; "s3 200" for uploads to S3. */
        final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger sessions = new AtomicInteger();
        final AtomicInteger uploads = new AtomicInteger();

        Traffic(String adminToken, String memberToken, String productId) {
            this.adminToken = adminToken;
            this.memberToken = memberToken;
            this.productId = productId;
        }

        void runFor(Duration duration) throws Exception {
            Instant stop = Instant.now().plus(duration);
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < WORKERS; i++) {
                    String token = i % 2 == 0 ? adminToken : memberToken;
                    running.add(workers.submit(() -> work(token, stop)));
                }
                for (Future<?> worker : running) {
                    worker.get();
                }
            } finally {
                workers.shutdownNow();
            }
        }

        private Void work(String token, Instant stop) throws Exception {
            ApiClient client = LocalSystem.as(token);
            for (int round = 0; Instant.now().isBefore(stop); round++) {
                call(() -> new AuthApi(client).getMe());
                call(() -> new CatalogApi(client).listProducts(20, null));
                call(() -> new OrdersApi(client).placeOrder("soak-" + UUID.randomUUID(),
                        new OrderRequest().addLinesItem(new LineRequest().productId(productId).quantity(1))));
                call(() -> new OrdersApi(client).listOrders(null, 20, null));
                if (round % 3 == 0) {
                    upload(client);
                }
                if (round % 5 == 0) {
                    webSocketSession(token);
                }
            }
            return null;
        }

        private void upload(ApiClient client) throws Exception {
            UploadGrant grant = call(() -> new UploadsApi(client).requestUpload(new UploadRequest().fileName("soak.txt")
                    .contentType(UploadRequest.ContentTypeEnum.TEXT_PLAIN).sizeBytes((long) FILE.length)));
            if (grant != null) {
                count("s3 " + S3Requests.upload(grant, FILE));
                uploads.incrementAndGet();
            }
        }

        private void webSocketSession(String token) throws Exception {
            try (WsClient session = WsClient.connect(token)) {
                assertThat(session.subscribe("orders", SLOW_ACK).type()).isEqualTo("subscribed");
                sessions.incrementAndGet();
            }
        }

        private interface Call<T> {
            T call() throws ApiException;
        }

        private <T> T call(Call<T> request) {
            requests.incrementAndGet();
            try {
                T answer = request.call();
                count("2xx");
                return answer;
            } catch (ApiException e) {
                if (e.getCode() == 0) {
                    failures.add(String.valueOf(e.getCause()));
                } else {
                    count(Integer.toString(e.getCode()));
                }
                return null;
            }
        }

        private void count(String status) {
            statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
        }
    }
}
