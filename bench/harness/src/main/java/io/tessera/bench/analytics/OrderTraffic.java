package io.tessera.bench.analytics;

import io.tessera.bench.api.OrderLine;
import io.tessera.bench.api.TenantAdmin;
import io.tessera.bench.api.TesseraApi;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 1 of the analytics-cost benchmark: real order events, made through the running API so that
 * the orders table's stream holds exactly what production writes. New tenants place orders at the
 * same time (one thread each, so their stream records interleave as they would), and every order
 * goes PLACED, PAID, SHIPPED, DELIVERED: four order events. Writes one line per tenant to
 * {@code --out}: its id and the number of orders and order events it made.
 *
 * <p>Options: {@code --base-url http://localhost:8080 --tenants 10 --orders-per-tenant 25 --out FILE}.
 */
public final class OrderTraffic {

    private static final List<String> LIFECYCLE = List.of("PAID", "SHIPPED", "DELIVERED");

    private OrderTraffic() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        TesseraApi api = new TesseraApi(URI.create(options.getOrDefault("--base-url", "http://localhost:8080")));
        int tenants = Integer.parseInt(options.getOrDefault("--tenants", "10"));
        int ordersPerTenant = Integer.parseInt(options.getOrDefault("--orders-per-tenant", "25"));
        Path out = Path.of(options.get("--out"));

        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(tenants)) {
            List<Future<String>> done = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                int tenant = t;
                done.add(threads.submit(() -> tenantTraffic(api, tenant, ordersPerTenant)));
            }
            for (Future<String> line : done) {
                lines.add(line.get());
            }
        }
        Files.write(out, lines);
        System.out.printf("%d tenants placed %d orders and made %d order events through the API in %.0f s%n",
                tenants, tenants * ordersPerTenant, tenants * ordersPerTenant * (1 + LIFECYCLE.size()), (System.nanoTime() - start) / 1e9);
    }

    private static String tenantTraffic(TesseraApi api, int tenant, int orders) {
        TenantAdmin admin = api.signUp("Bench analytics " + tenant, "standard");
        List<String> products = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            products.add(api.createProduct(admin.idToken(), "Bench product " + p, 500L * (p + 1), 1_000_000));
        }
        for (int k = 0; k < orders; k++) {
            List<OrderLine> lines = new ArrayList<>(List.of(new OrderLine(products.get(k % 3), 1 + k % 2)));
            if (k % 3 == 0) {
                lines.add(new OrderLine(products.get((k + 1) % 3), 1));
            }
            String orderId = api.placeOrder(admin.idToken(), lines);
            for (String status : LIFECYCLE) {
                api.changeStatus(admin.idToken(), orderId, status);
            }
        }
        return admin.tenantId() + " " + orders + " " + orders * (1 + LIFECYCLE.size());
    }
}
