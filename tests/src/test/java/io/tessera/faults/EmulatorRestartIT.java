package io.tessera.faults;

import io.tessera.client.ApiClient;
import io.tessera.client.ApiException;
import io.tessera.client.api.AnalyticsApi;
import io.tessera.client.api.OrdersApi;
import io.tessera.client.api.UploadsApi;
import io.tessera.client.model.LineRequest;
import io.tessera.client.model.Order;
import io.tessera.client.model.OrderPage;
import io.tessera.client.model.OrderRequest;
import io.tessera.client.model.Tier;
import io.tessera.client.model.Upload;
import io.tessera.client.model.UploadGrant;
import io.tessera.client.model.UploadRequest;
import io.tessera.client.model.UploadStatus;
import io.tessera.e2e.support.Eventually;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.S3Requests;
import io.tessera.e2e.support.SampleFiles;
import io.tessera.e2e.support.Shop;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS going away and coming back, played by the emulator (scripts/emulator restart keeps its data,
 * as AWS would). Orders keep being placed throughout; the app is not restarted. Clients do what
 * the contract asks on 503: the same request with the same Idempotency-Key.
 */
class EmulatorRestartIT {

    private static final Duration PLACING = Duration.ofSeconds(20);
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final int PLACERS = 2;

    @Test
    void everyOrderPlacedAcrossAnOutageIsWrittenOnceAnnouncedOnceAndCountedOnce() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.PREMIUM);
        ApiClient admin = tenant.asAdmin();
        String productId = Shop.product(admin, 250, 100_000).getProductId();
        try (WsClient live = WsClient.connect(tenant.admin().idToken())) {
            live.subscribe("orders");

            List<String> orderIds = placeWhileTheEmulatorRestarts(admin, productId);

            assertThat(orderIds).doesNotHaveDuplicates().hasSizeGreaterThan(PLACERS);
            assertThat(allOrderIds(admin)).containsExactlyInAnyOrderElementsOf(orderIds);
            assertThat(announcements(live, orderIds)).containsOnlyKeys(orderIds).allSatisfy((orderId, count) ->
                    assertThat(count).as("order.created messages for %s", orderId).isEqualTo(1));
            assertTodaysOrderCountSettlesAt(admin, orderIds.size());
        }
    }

    /**
     * While AWS is away, a message on an open connection is answered with an error to send again,
     * and a new connection is refused (503 at the handshake) or closed with 1011: never left open
     * and deaf, as it would be if it were accepted but not registered.
     */
    @Test
    void duringAnOutageWebSocketClientsAreToldInsteadOfLeftSilent() throws Exception {
        TestTenant tenant = TestTenant.signUp(Tier.PREMIUM);
        String idToken = tenant.admin().idToken();
        try (WsClient open = WsClient.connect(idToken)) {
            open.subscribe("orders");
            ExecutorService restarting = Executors.newSingleThreadExecutor();
            try {
                Future<?> restart = outage(restarting, Duration.ofSeconds(8));

                open.send("{\"action\":\"ping\"}");
                WsClient.Received reply = open.await(message -> true, Duration.ofSeconds(15));
                assertThat(reply).as("the reply to a ping during the outage").isNotNull();
                assertThat(reply.type()).isEqualTo("error");
                assertThat(reply.message().path("message").asText()).contains("send the message again");

                try (WsClient opened = WsClient.connect(idToken)) {
                    WsClient.Closed closed = opened.awaitClose(Duration.ofSeconds(20));
                    assertThat(closed).as("a connection opened during the outage").isNotNull();
                    assertThat(closed.code()).isEqualTo(1011);
                } catch (WsClient.Refused refused) {
                    assertThat(refused.status()).isEqualTo(503);
                }
                restart.get();
            } finally {
                restarting.shutdownNow();
            }
        }
    }

    /**
     * The probes an orchestrator reads: while AWS is away the process is alive (liveness 200) but
     * not ready (readiness 503, the unreachable services DOWN), and ready again once AWS is back.
     */
    @Test
    void duringAnOutageReadinessFailsNamingWhatIsDownWhileLivenessHolds() throws Exception {
        ExecutorService restarting = Executors.newSingleThreadExecutor();
        try {
            Future<?> restart = outage(restarting, Duration.ofSeconds(8));

            HttpResponse<String> readiness = probe("/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"", "dynamodb");
            assertThat(probe("/health/liveness").statusCode()).isEqualTo(200);
            restart.get();
            Eventually.await(Duration.ofSeconds(30), "readiness once the emulator is back", () ->
                    probe("/health/readiness").statusCode() == 200 ? Optional.of(true) : Optional.empty());
        } finally {
            restarting.shutdownNow();
        }
    }

    /** Everything the uploads bucket's notifications pass through (S3, SNS, SQS) is back with the emulator. */
    @Test
    void anUploadAfterAnOutageIsStillCheckedAndAccepted() throws Exception {
        ExecutorService restarting = Executors.newSingleThreadExecutor();
        try {
            outage(restarting, Duration.ofSeconds(2)).get();
        } finally {
            restarting.shutdownNow();
        }
        ApiClient admin = TestTenant.signUp(Tier.STANDARD).asAdmin();
        byte[] png = SampleFiles.png(4, 4);
        UploadGrant grant = Eventually.await(Duration.ofSeconds(30), "a grant once the emulator is back", () -> {
            try {
                return Optional.of(new UploadsApi(admin).requestUpload(new UploadRequest().fileName("after.png")
                        .contentType(UploadRequest.ContentTypeEnum.IMAGE_PNG).sizeBytes((long) png.length)));
            } catch (ApiException e) {
                return Optional.empty();
            }
        });

        assertThat(S3Requests.upload(grant, png)).isEqualTo(200);

        Upload upload = Eventually.await(Duration.ofSeconds(30), "the upload to be checked", () -> {
            Upload now = new UploadsApi(admin).getUpload(grant.getUpload().getUploadId());
            return now.getStatus() == UploadStatus.PENDING ? Optional.empty() : Optional.of(now);
        });
        assertThat(upload.getStatus()).isEqualTo(UploadStatus.UPLOADED);
    }

    private static HttpResponse<String> probe(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(LocalSystem.baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Restarts the emulator on {@code restarting}, down for {@code down}; returns once it has gone away. */
    private static Future<?> outage(ExecutorService restarting, Duration down) throws Exception {
        Future<?> restart = restarting.submit(() -> {
            Scripts.restartEmulator(down);
            return null;
        });
        Eventually.await(Duration.ofSeconds(30), "the emulator to go away", () ->
                emulatorAnswers() ? Optional.empty() : Optional.of(true));
        return restart;
    }

    private static boolean emulatorAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 4566), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> placeWhileTheEmulatorRestarts(ApiClient admin, String productId) throws Exception {
        Instant stop = Instant.now().plus(PLACING);
        ExecutorService placers = Executors.newFixedThreadPool(PLACERS);
        try {
            List<Future<List<String>>> placing = new ArrayList<>();
            for (int i = 0; i < PLACERS; i++) {
                placing.add(placers.submit(() -> placeUntil(stop, new OrdersApi(admin), productId)));
            }
            Thread.sleep(PLACING.toMillis() / 4);
            Scripts.restartEmulator(OUTAGE);
            List<String> orderIds = new ArrayList<>();
            for (Future<List<String>> placer : placing) {
                orderIds.addAll(placer.get());
            }
            return orderIds;
        } finally {
            placers.shutdownNow();
        }
    }

    private static List<String> placeUntil(Instant stop, OrdersApi orders, String productId) throws Exception {
        List<String> orderIds = new ArrayList<>();
        while (Instant.now().isBefore(stop)) {
            orderIds.add(placeRetrying(orders, "outage-" + UUID.randomUUID(), productId));
        }
        return orderIds;
    }

    /** A 503 or no answer at all: the same request again, until the service is back. */
    private static String placeRetrying(OrdersApi orders, String idempotencyKey, String productId) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(90);
        OrderRequest request = new OrderRequest().addLinesItem(new LineRequest().productId(productId).quantity(1));
        while (true) {
            try {
                return orders.placeOrder(idempotencyKey, request).getOrderId();
            } catch (ApiException e) {
                boolean unavailable = e.getCode() == 503 || e.getCode() == 0;
                if (!unavailable || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static List<String> allOrderIds(ApiClient admin) throws ApiException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            OrderPage page = new OrdersApi(admin).listOrders(null, 100, cursor);
            page.getItems().stream().map(Order::getOrderId).forEach(ids::add);
            cursor = page.getNextCursor();
        } while (cursor != null);
        return ids;
    }

    /** order.created messages per order id, once every order has one and a few quiet seconds passed. */
    private static Map<String, Integer> announcements(WsClient live, List<String> orderIds) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Eventually.await(Duration.ofSeconds(90), "an order.created message for every order", () -> {
            count(live.drain(Duration.ofMillis(500)), counts);
            return counts.keySet().containsAll(orderIds) ? Optional.of(true) : Optional.empty();
        });
        count(live.drain(Duration.ofSeconds(3)), counts);
        return counts;
    }

    private static void count(List<WsClient.Received> messages, Map<String, Integer> counts) {
        messages.stream().filter(message -> message.type().equals("order.created"))
                .forEach(message -> counts.merge(message.message().path("orderId").asText(), 1, Integer::sum));
    }

    private static void assertTodaysOrderCountSettlesAt(ApiClient admin, int expected) throws Exception {
        AnalyticsApi analytics = new AnalyticsApi(admin);
        Eventually.await(Duration.ofSeconds(60), "analytics to count " + expected + " orders", () ->
                analytics.getAnalyticsSummary().getToday().getOrders() >= expected ? Optional.of(true) : Optional.empty());
        Thread.sleep(3000);
        assertThat(analytics.getAnalyticsSummary().getToday().getOrders()).isEqualTo((long) expected);
    }
}
