package io.tessera.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.bench.api.OrderLine;
import io.tessera.bench.api.TenantAdmin;
import io.tessera.bench.api.TesseraApi;
import io.tessera.bench.stats.Distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The fan-out benchmark against the running local system, in two parts that share connections:
 * <ol>
 *   <li>latency: {@code --clients} WebSocket clients across {@code --tenants} new tenants (every
 *   client a tenant admin, subscribed to {@code orders}) and {@code --changes} order status
 *   changes, one after the other; for each, the time from sending the POST to the last subscribed
 *   client of that tenant receiving the event; then every message received is checked against the
 *   tenant of its order;</li>
 *   <li>capacity: more connections (not subscribed) until {@code --max-connections} are open or
 *   handshakes keep failing; after a pause, every connection still open is pinged, and the ones
 *   that answer are the connections the instance holds.</li>
 * </ol>
 * Options: {@code --base-url http://localhost:8080 --tenants 10 --clients 5000 --changes 20
 * --max-connections 20000 --in-flight 64 --max-failures 50 [--app-pid PID]}.
 */
public final class FanOut {

    private static final List<String> STATUSES = List.of("PAID", "SHIPPED", "DELIVERED");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TesseraApi api;
    private final Connector connector;
    private final ProcessUsage app;
    private final Map<String, String> options;

    private FanOut(Map<String, String> options) {
        this.options = options;
        URI base = URI.create(options.getOrDefault("--base-url", "http://localhost:8080"));
        this.api = new TesseraApi(base);
        this.connector = new Connector(URI.create(base.toString().replaceFirst("^http", "ws") + "/ws"),
                number("--in-flight", 64));
        this.app = options.containsKey("--app-pid") ? new ProcessUsage(Long.parseLong(options.get("--app-pid"))) : null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new FanOut(options).run();
        System.exit(0);
    }

    private int number(String option, int fallback) {
        return Integer.parseInt(options.getOrDefault(option, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        int tenantCount = number("--tenants", 10);
        int clientCount = number("--clients", 5000);
        int changeCount = number("--changes", 20);
        int maxConnections = number("--max-connections", 20000);
        int maxFailures = number("--max-failures", 50);

        System.out.printf("signing up %d tenants%n", tenantCount);
        List<TenantAdmin> admins = new ArrayList<>();
        List<String> products = new ArrayList<>();
        for (int t = 0; t < tenantCount; t++) {
            TenantAdmin admin = api.signUp("Bench fan-out " + t, "standard");
            admins.add(admin);
            products.add(api.createProduct(admin.idToken(), "Bench widget", 1000, 1_000_000));
        }
        List<String> tokens = admins.stream().map(TenantAdmin::idToken).toList();
        ProcessUsage.Sample idle = sample();
        long idleHeap = liveHeap();
        System.out.println("app before connecting: " + idle + String.format(", live heap %,d KiB", idleHeap / 1024));

        System.out.printf("opening %,d connections (admins of %d tenants), each subscribed to orders%n", clientCount, tenantCount);
        Ramp subscribing = connector.open(clientCount, i -> new Client(i % tenantCount), tokens, true, maxFailures);
        List<Client> subscribers = subscribing.opened();
        System.out.printf("  %,d subscribed in %.0f s (%,d failed%s); app: %s%n", subscribers.size(), subscribing.seconds(),
                subscribing.failures(), subscribing.firstFailure() == null ? "" : ", first: " + subscribing.firstFailure(), sample());
        Map<Integer, List<Client>> clientsOf = subscribers.stream().collect(Collectors.groupingBy(Client::tenant));

        // Orders are placed after subscribing, so that their order.created pushes are checked too.
        int ordersPerTenant = (int) Math.ceil(changeCount / (double) (STATUSES.size() * tenantCount));
        Map<String, Integer> tenantOfOrder = new HashMap<>();
        List<List<String>> ordersOf = new ArrayList<>();
        int[] expected = new int[tenantCount];
        for (int t = 0; t < tenantCount; t++) {
            List<String> orders = new ArrayList<>();
            for (int k = 0; k < Math.max(ordersPerTenant, 1); k++) {
                String orderId = api.placeOrder(tokens.get(t), List.of(new OrderLine(products.get(t), 1)));
                orders.add(orderId);
                tenantOfOrder.put(orderId, t);
                expected[t]++;
            }
            ordersOf.add(orders);
        }
        boolean created = awaitOrderMessages(subscribers, expected);
        System.out.printf("  order.created %s every subscribed client%n", created ? "reached" : "did NOT reach");

        List<ChangeTiming> timings = new ArrayList<>();
        for (int c = 0; c < changeCount; c++) {
            int tenant = c % tenantCount;
            int round = c / tenantCount;
            String orderId = ordersOf.get(tenant).get(round / STATUSES.size());
            String status = STATUSES.get(round % STATUSES.size());
            expected[tenant]++;
            long sent = System.nanoTime();
            api.changeStatus(tokens.get(tenant), orderId, status);
            double requestMillis = (System.nanoTime() - sent) / 1e6;
            awaitOrderMessages(clientsOf.getOrDefault(tenant, List.of()), expected);
            ChangeTiming timing = timing(tenant, orderId, status, sent, requestMillis, clientsOf.getOrDefault(tenant, List.of()));
            timings.add(timing);
            System.out.printf("  change %2d: tenant %d order %s -> %-9s POST %6.1f ms, first client %7.1f ms, last client %7.1f ms%s%n",
                    c + 1, tenant, orderId, status, timing.requestMillis(), timing.firstMillis(), timing.lastMillis(),
                    timing.missing() == 0 ? "" : ", " + timing.missing() + " clients missed it");
            Thread.sleep(250);
        }
        Isolation isolation = isolation(subscribers, tenantOfOrder, expected);

        System.out.printf("opening more connections, up to %,d in all%n", maxConnections);
        Ramp more = connector.open(maxConnections - subscribers.size(), i -> new Client(i % tenantCount), tokens, false, maxFailures);
        ProcessUsage.Sample peak = sample();
        long peakHeap = liveHeap();
        ProcessUsage.Sample client = new ProcessUsage(ProcessHandle.current().pid()).sample();
        System.out.printf("  %,d more in %.0f s (%,d failed%s); app: %s; this client: %s%n", more.opened().size(), more.seconds(),
                more.failures(), more.firstFailure() == null ? "" : ", first: " + more.firstFailure(), peak, client);
        Thread.sleep(10_000);
        List<Client> all = new ArrayList<>(subscribers);
        all.addAll(more.opened());
        Isolation unsubscribed = isolation(more.opened(), tenantOfOrder, new int[tenantCount]);
        List<Client> open = all.stream().filter(Client::isOpen).toList();
        System.out.printf("  %,d still open after 10 s; pinging each%n", open.size());
        Pings pings = ping(open);
        System.out.printf("  %,d answered pong, %,d answered an error (%s), %,d did not answer; app: %s%n",
                pings.pongs(), pings.errors(), pings.firstError(), pings.silent(), sample());

        report(tenantCount, subscribers, subscribing, timings, isolation, unsubscribed, all, open, pings, more, idle, peak, client,
                idleHeap, peakHeap);
    }

    private void report(int tenantCount, List<Client> subscribers, Ramp subscribing, List<ChangeTiming> timings, Isolation isolation,
                        Isolation unsubscribed, List<Client> all, List<Client> open, Pings pings, Ramp more,
                        ProcessUsage.Sample idle, ProcessUsage.Sample peak, ProcessUsage.Sample client,
                        long idleHeap, long peakHeap) {
        Distribution last = Distribution.of(timings.stream().map(ChangeTiming::lastMillis).toList());
        Distribution first = Distribution.of(timings.stream().map(ChangeTiming::firstMillis).toList());
        Distribution request = Distribution.of(timings.stream().map(ChangeTiming::requestMillis).toList());
        int missed = timings.stream().mapToInt(ChangeTiming::missing).sum();
        System.out.printf("RESULT fan-out latency: %,d subscribed clients (%d tenants, all tenant admins; %,d failed to connect): "
                        + "status change to the LAST subscribed client p50 %,.0f ms, p99 %,.0f ms (max %,.0f; %d changes, p99 = max); "
                        + "to the first client p50 %,.0f ms; POST answered p50 %,.0f ms; %,d clients missed a change%n",
                subscribers.size(), tenantCount, subscribing.failures(), last.median(), last.p99(), last.max(), last.count(),
                first.median(), request.median(), missed);
        System.out.printf("RESULT fan-out isolation: %,d order messages received of %,d expected; cross-tenant deliveries %,d; "
                        + "unknown orders %,d; duplicates %,d; order messages on the %,d later, unsubscribed connections %,d%n",
                isolation.deliveries(), isolation.expected(), isolation.crossTenant(), isolation.unknown(), isolation.duplicates(),
                more.opened().size(), unsubscribed.deliveries());
        String limit = more.failures() > 0 ? "handshakes failed (first: " + more.firstFailure() + ")"
                : "reached the --max-connections target";
        System.out.printf("RESULT fan-out connections: %,d held (open and answering ping) of %,d opened; %,d closed, %,d open but "
                        + "answering an error, %,d silent; stopped because %s; app at peak: %s%s; client JVM at peak: %s%n",
                pings.pongs(), all.size(), all.size() - open.size(), pings.errors(), pings.silent(), limit, peak,
                idle == null || peak == null ? "" : String.format(" (%.1f KiB more RSS per connection than idle; live heap after a "
                                + "full GC %,d KiB idle, %,d KiB at peak: %.1f KiB per connection)",
                        (peak.residentKilobytes() - idle.residentKilobytes()) / (double) all.size(), idleHeap / 1024, peakHeap / 1024,
                        (peakHeap - idleHeap) / 1024.0 / all.size()), client);
    }

    /** The app's live heap in bytes, or 0 when its pid is unknown. */
    private long liveHeap() {
        return app == null ? 0 : app.liveHeapBytes();
    }

    private ProcessUsage.Sample sample() {
        return app == null ? null : app.sample();
    }

    /** Waits until every client has as many order messages as its tenant's events so far; false on timeout. */
    private static boolean awaitOrderMessages(List<Client> clients, int[] expected) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (clients.stream().allMatch(client -> client.orderMessageCount() >= expected[client.tenant()])) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    private static ChangeTiming timing(int tenant, String orderId, String status, long sent, double requestMillis, List<Client> clients) {
        List<Double> arrivals = new ArrayList<>();
        for (Client client : clients) {
            client.orderMessages().stream()
                    .filter(delivery -> {
                        JsonNode message = parse(delivery.text());
                        return "order.status_changed".equals(message.path("type").asText())
                                && orderId.equals(message.path("orderId").asText())
                                && status.equals(message.path("status").asText());
                    })
                    .findFirst()
                    .ifPresent(delivery -> arrivals.add((delivery.receivedNanos() - sent) / 1e6));
        }
        double first = arrivals.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double last = arrivals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new ChangeTiming(tenant, orderId, status, requestMillis, first, last, clients.size() - arrivals.size());
    }

    private static Isolation isolation(List<Client> clients, Map<String, Integer> tenantOfOrder, int[] eventsPerTenant) {
        long deliveries = 0;
        long expected = 0;
        long crossTenant = 0;
        long unknown = 0;
        long duplicates = 0;
        for (Client client : clients) {
            Set<String> seen = new HashSet<>();
            for (Delivery delivery : client.orderMessages()) {
                deliveries++;
                JsonNode message = parse(delivery.text());
                Integer owner = tenantOfOrder.get(message.path("orderId").asText());
                if (owner == null) {
                    unknown++;
                } else if (owner != client.tenant()) {
                    crossTenant++;
                }
                if (!seen.add(message.path("eventId").asText())) {
                    duplicates++;
                }
            }
        }
        for (Client client : clients) {
            expected += eventsPerTenant[client.tenant()];
        }
        return new Isolation(deliveries, expected, crossTenant, unknown, duplicates);
    }

    record Pings(int pongs, int errors, int silent, String firstError) {
    }

    /** Pings every client (a bounded number at a time) and sorts the replies. */
    private Pings ping(List<Client> clients) throws InterruptedException {
        Semaphore slots = new Semaphore(number("--in-flight", 64));
        AtomicInteger pongs = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger silent = new AtomicInteger();
        List<String> firstError = new ArrayList<>();
        for (Client client : clients) {
            slots.acquire();
            CompletableFuture<String> reply;
            try {
                reply = client.ask("{\"action\":\"ping\"}");
            } catch (RuntimeException e) {
                silent.incrementAndGet();
                slots.release();
                continue;
            }
            reply.orTimeout(30, TimeUnit.SECONDS).whenComplete((text, error) -> {
                if (error != null) {
                    silent.incrementAndGet();
                } else if (text.contains("\"type\":\"pong\"")) {
                    pongs.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    synchronized (firstError) {
                        if (firstError.isEmpty()) {
                            firstError.add(text);
                        }
                    }
                }
                slots.release();
            });
        }
        slots.acquire(number("--in-flight", 64));
        return new Pings(pongs.get(), errors.get(), silent.get(), firstError.isEmpty() ? "none" : firstError.getFirst());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
