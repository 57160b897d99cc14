package io.tessera.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The few calls of Tessera's REST API the benchmarks need to set up their data: public signup,
 * sign-in, products, orders and status changes. A 429 (the tenant's tier rate) is waited out.
 */
public final class TesseraApi {

    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    public TesseraApi(URI base) {
        this.base = base;
    }

    /** Signs a new tenant up, confirms its admin with the code the local signup answers with, and signs the admin in. */
    public TenantAdmin signUp(String companyName, String tier) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 12) + "@bench.example.com";
        String password = "Bench-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-Aa1";
        JsonNode signup = send(post("/tenants", null, Map.of("companyName", companyName, "adminEmail", email,
                "password", password, "tier", tier)), 201);
        send(post("/auth/confirm", null, Map.of("username", email, "code", signup.get("confirmationCode").asText())), 204);
        return new TenantAdmin(signup.get("tenant").get("id").asText(), email, login(email, password));
    }

    /** The ID token of a user who signs in without a challenge. */
    public String login(String username, String password) {
        JsonNode response = send(post("/auth/login", null, Map.of("username", username, "password", password)), 200);
        return response.get("tokens").get("idToken").asText();
    }

    public String createProduct(String idToken, String name, long priceMinor, int stock) {
        return send(post("/products", idToken, Map.of("name", name, "priceMinor", priceMinor, "currency", "EUR", "stock", stock)), 201)
                .get("productId").asText();
    }

    /** A direct (synchronous) order; returns its id. */
    public String placeOrder(String idToken, List<OrderLine> lines) {
        HttpRequest request = post("/orders", idToken, Map.of("lines", lines.stream()
                .map(line -> Map.of("productId", line.productId(), "quantity", line.quantity())).toList()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .build();
        return send(request, 201).get("orderId").asText();
    }

    public void changeStatus(String idToken, String orderId, String status) {
        send(post("/orders/" + orderId + "/status", idToken, Map.of("status", status)), 200);
    }

    private HttpRequest.Builder post(String path, String idToken, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (idToken != null) {
            request.header("Authorization", "Bearer " + idToken);
        }
        try {
            return request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        return send(request.build(), expectedStatus);
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < ATTEMPTS) {
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.max(seconds, 1)));
                    continue;
                }
                if (response.statusCode() != expectedStatus) {
                    throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                return json.readTree(response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
