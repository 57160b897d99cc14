package io.tessera.bench.fanout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.tessera.bench.stats.Distribution;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.connections.Connection;
import io.tessera.core.data.connections.ConnectionRegistry;
import io.tessera.core.push.FanOut;
import io.tessera.core.tenants.TenantProfiles;
import io.tessera.core.tenants.Tier;
import io.tessera.core.users.Role;
import io.tessera.core.users.TenantUser;
import io.tessera.core.users.UserDirectory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out as it runs in AWS: one tenant's {@code --connections} connections, registered in the
 * emulator's connection registry, pushed to by Tessera's own {@link FanOut} through its API
 * Gateway Management API adapter, against a local stub of that API that answers each
 * PostToConnection after {@code --latency-ms} (and 410 for {@code --gone} of them, which must be
 * forgotten). Measures the time from the push to the last answer over {@code --pushes} pushes,
 * the most calls the stub had in flight at once, and whether any call named a connection of
 * another tenant.
 *
 * <p>Options: {@code --connections 5000 --users 50 --latency-ms 20 --gone 50 --pushes 5}.
 */
public final class AwsShapedFanOut {

    private final Map<String, String> options;
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Set<String> posted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    private AwsShapedFanOut(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new AwsShapedFanOut(options).run();
        System.exit(0);
    }

    private int number(String option, int fallback) {
        return Integer.parseInt(options.getOrDefault(option, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        int connections = number("--connections", 5000);
        int users = number("--users", 50);
        int latencyMillis = number("--latency-ms", 20);
        int goneCount = number("--gone", 50);
        int pushes = number("--pushes", 5);
        HttpServer stub = stub(latencyMillis);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("aws.services.execute-api.endpoint-override", "http://127.0.0.1:" + stub.getAddress().getPort()))
                .start()) {
            String tenantId = "fanout" + UUID.randomUUID().toString().substring(0, 8);
            List<String> ids = register(context, tenantId, connections, users);
            ids.subList(0, Math.min(goneCount, ids.size())).forEach(gone::add);
            System.out.printf("%,d connections of tenant %s registered for %d users; %d of them answer 410%n",
                    ids.size(), tenantId, users, gone.size());
            FanOut fanOut = context.getBean(FanOut.class);
            List<Double> seconds = new ArrayList<>();
            int delivered = 0;
            for (int push = 0; push <= pushes; push++) {
                posted.clear();
                long start = System.nanoTime();
                delivered = CallContext.system(tenantId, null).call(() ->
                        fanOut.push(connection -> connection.isSubscribedTo("orders"), Map.of("type", "order.status_changed")));
                double took = (System.nanoTime() - start) / 1e9;
                if (push > 0) {
                    seconds.add(took);
                }
                System.out.printf("push %d: %,d delivered in %.3f s (%s)%n", push, delivered, took, push == 0 ? "warm-up, not counted" : "counted");
            }
            int registered = CallContext.system(tenantId, null).call(() -> context.getBean(ConnectionRegistry.class).ofCurrentTenant().size());
            long foreign = posted.stream().filter(id -> !id.startsWith(tenantId + "-")).count();
            Distribution distribution = Distribution.of(seconds.stream().map(value -> value * 1000).toList());
            System.out.printf("RESULT fan-out through the API Gateway Management API adapter (stub answering each call after %d ms): "
                            + "%,d connections of one tenant, all sent in p50 %,.0f ms, max %,.0f ms (%d pushes after a warm-up; "
                            + "%,d delivered per push); at most %d calls in flight; %d connections answered 410 and %,d remain registered "
                            + "of %,d; calls naming another tenant's connection: %d%n",
                    latencyMillis, connections, distribution.median(), distribution.max(), seconds.size(), delivered,
                    mostInFlight.get(), gone.size(), registered, ids.size(), foreign);
        } finally {
            stub.stop(0);
        }
    }

    /** An active tenant with its users, and their connections, all subscribed to orders. */
    private static List<String> register(ApplicationContext context, String tenantId, int connections, int users) {
        List<TenantUser> members = new ArrayList<>();
        CallContext.system(tenantId, null).run(() -> {
            context.getBean(TenantProfiles.class).createPending("Fan-out bench", Tier.PREMIUM, "admin@" + tenantId + ".test");
            UserDirectory directory = context.getBean(UserDirectory.class);
            TenantUser admin = TenantUser.added("admin-" + tenantId, "admin@" + tenantId + ".test", Role.TENANT_ADMIN, Instant.now());
            directory.addFirstAdmin(admin);
            members.add(admin);
            for (int i = 1; i < users; i++) {
                TenantUser member = TenantUser.added("u" + i + "-" + tenantId, "u" + i + "@" + tenantId + ".test", Role.MEMBER, Instant.now());
                directory.reserveSeat(Role.MEMBER, 100_000);
                directory.add(member);
                members.add(member);
            }
        });
        ConnectionRegistry registry = context.getBean(ConnectionRegistry.class);
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        CallContext.system(tenantId, null).run(() -> {
            for (int i = 0; i < connections; i++) {
                TenantUser user = members.get(i % members.size());
                String id = tenantId + "-" + i;
                registry.register(new Connection(id, tenantId, user.userId(), Set.of(user.role().group()), Set.of("orders"),
                        now, now, now.plus(Duration.ofHours(1))));
                ids.add(id);
            }
        });
        return ids;
    }

    /** The Management API's PostToConnection and DeleteConnection, answering after {@code latencyMillis}. */
    private HttpServer stub(int latencyMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> answer(exchange, latencyMillis));
        server.start();
        return server;
    }

    private void answer(HttpExchange exchange, int latencyMillis) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        calls.incrementAndGet();
        try {
            exchange.getRequestBody().readAllBytes();
            Thread.sleep(latencyMillis);
            String path = exchange.getRequestURI().getPath();
            String connectionId = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            posted.add(connectionId);
            if (gone.contains(connectionId)) {
                // As API Gateway answers for a connection that is no longer there.
                byte[] body = "{\"message\":\"Gone\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "GoneException");
                exchange.sendResponseHeaders(410, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders("DELETE".equals(exchange.getRequestMethod()) ? 204 : 200, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }
}
