package io.tessera.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tessera.client.api.CatalogApi;
import io.tessera.client.model.Tier;
import io.tessera.e2e.support.LocalSystem;
import io.tessera.e2e.support.RawHttp;
import io.tessera.e2e.support.RawWebSocket;
import io.tessera.e2e.support.TestTenant;
import io.tessera.e2e.support.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests that are not what they seem: content after the JSON body, JSON that is not JSON, query
 * values given twice, WebSocket frames that break RFC 6455. Each is refused on every operation or
 * channel it can reach, in the API's own words, before anything is written.
 */
class MalformedRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a problem's detail must never show: Java types, parser features and limits, framework names. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|com\\.fasterxml|io\\.micronaut|java\\.|StreamReadConstraints|JsonReadFeature|START_(ARRAY|OBJECT)"
                    + "|deserializ|iterable|For input string|index \\d");

    /** An operation of openapi.yaml that takes a JSON body, with who may call it. */
    private record BodyOperation(String method, String path, String caller) {
    }

    private static final List<BodyOperation> OPERATIONS = new ArrayList<>();
    private static TestTenant tenant;
    private static Map<String, String> tokens;

    @BeforeAll
    static void readTheContract() throws Exception {
        tenant = TestTenant.signUp(Tier.PREMIUM);
        tokens = Map.of("admin", tenant.admin().idToken(), "platform", LocalSystem.platformAdmin().idToken());
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(contract().toFile()).path("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode definition = operation.getValue();
            if (!definition.has("requestBody")) {
                return;
            }
            String caller = definition.path("security").isArray() && definition.path("security").isEmpty() ? "anonymous"
                    : definition.path("description").asText().contains("platform-admins") ? "platform" : "admin";
            OPERATIONS.add(new BodyOperation(operation.getKey().toUpperCase(),
                    path.getKey().replace("{tenantId}", tenant.id()).replaceAll("\\{[^}]+}", "x"), caller));
        }));
        assertThat(OPERATIONS).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void contentAfterTheJsonBodyIs400OnEveryOperationThatTakesABody() throws Exception {
        for (BodyOperation operation : OPERATIONS) {
            for (String body : List.of("{}garbage", "{} {}", "{}]", "[] 1")) {
                HttpResponse<String> response = send(operation, body);
                assertThat(response.statusCode()).as("%s %s with %s: %s", operation.method(), operation.path(), body, response.body())
                        .isEqualTo(400);
                assertThat(detail(response)).contains("one JSON value");
            }
        }
    }

    @Test
    void aValidProductWithContentAfterItIsNotCreated() throws Exception {
        int before = new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems().size();

        HttpResponse<String> response = RawHttp.send("POST", "/products", tenant.admin().idToken(),
                "{\"name\":\"Trailing\",\"priceMinor\":1,\"currency\":\"EUR\",\"stock\":1}garbage");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new CatalogApi(tenant.asAdmin()).listProducts(100, null).getItems()).hasSize(before);
    }

    @Test
    void bodiesThatAreNotJsonOrNotTheRightShapeAre400InTheApisOwnWords() throws Exception {
        List<String> bodies = List.of("[".repeat(1001) + "]".repeat(1001), "{\"a\":NaN}", "{\"a\":1 /* comment */}", "['single']",
                "[]", "{\"a\":1,\"a\":2}", "\"text\"", "{\"a\":" + "9".repeat(2000) + "}");
        for (BodyOperation operation : OPERATIONS) {
            for (String body : bodies) {
                HttpResponse<String> response = send(operation, body);
                String shown = body.length() > 40 ? body.substring(0, 40) + "…" : body;
                assertThat(response.statusCode()).as("%s %s with %s: %s", operation.method(), operation.path(), shown, response.body())
                        .isEqualTo(400);
                assertThat(detail(response)).as("%s %s with %s", operation.method(), operation.path(), shown).doesNotContainPattern(INTERNALS);
            }
        }
    }

    @Test
    void anOperationThatTakesABodyAndGetsNoneSaysTheBodyIsMissing() throws Exception {
        for (BodyOperation operation : OPERATIONS) {
            HttpResponse<String> response = send(operation, null);
            if (response.statusCode() != 400) {
                continue; // an optional body, or a precondition that comes first (428, 404): not this kind
            }
            assertThat(detail(response)).as("%s %s without body", operation.method(), operation.path())
                    .contains("needs a JSON body").doesNotContain("query parameters").doesNotContainPattern(INTERNALS);
        }
        HttpResponse<String> login = RawHttp.send("POST", "/auth/login", null, null);
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(detail(login)).contains("needs a JSON body");
    }

    @Test
    void aQueryParameterGivenTwiceOrNotOfItsTypeIs400WithoutTheConvertersWords() throws Exception {
        for (String query : List.of("/products?limit=2&limit=100", "/users?limit=1&limit=1", "/orders?status=PAID&status=SHIPPED",
                "/products?limit=1e1", "/products?limit=ten", "/audit?limit=99999999999999999999")) {
            HttpResponse<String> response = RawHttp.send("GET", query, tenant.admin().idToken(), null);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(detail(response)).as(query).doesNotContainPattern(INTERNALS);
        }
    }

    @Test
    void aBodyThatDoesNotDecodeAsItsContentEncodingSaysIs400() throws Exception {
        for (String encoding : List.of("deflate", "gzip")) {
            HttpResponse<String> response = RawHttp.sendWithHeaders("POST", "/products", tenant.admin().idToken(), "garbage",
                    "Content-Encoding", encoding);
            assertThat(response.statusCode()).as(encoding).isEqualTo(400);
        }
    }

    /** A second request hidden behind an ambiguous body length is never read (RFC 9112 §6.1). */
    @Test
    void aRequestWithAmbiguousFramingIs400AndEndsTheConnection() throws Exception {
        for (String framing : List.of("Transfer-Encoding: xchunked\r\nContent-Length: 2", "Transfer-Encoding: chunked\r\nContent-Length: 2",
                "Transfer-Encoding: gzip, chunked")) {
            URI base = URI.create(LocalSystem.baseUrl());
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(3000);
                socket.getOutputStream().write(("POST /auth/login HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n\r\n{}"
                        + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = readUntilClosedOrQuiet(socket);

                assertThat(answer).as(framing).startsWith("HTTP/1.1 400");
                assertThat(answer.split("HTTP/1.1 ", -1)).as("one answer only").hasSize(2);
            }
        }
    }

    @Test
    void aWebSocketMessageWithContentAfterItsJsonIsAnErrorNotAnAction() throws Exception {
        try (WsClient client = WsClient.connect(tenant.admin().idToken())) {
            client.send("{\"action\":\"ping\"}xyz");

            WsClient.Received reply = client.await(message -> true, Duration.ofSeconds(5));
            assertThat(reply.type()).isEqualTo("error");
        }
    }

    @Test
    void aWebSocketFrameWithAReservedBitSetClosesTheConnectionWith1002() throws Exception {
        for (int rsv = 1; rsv <= 7; rsv++) {
            try (RawWebSocket socket = RawWebSocket.connect(tenant.admin().idToken(), Duration.ofSeconds(10))) {
                socket.send(true, rsv, RawWebSocket.TEXT, "{\"action\":\"ping\"}".getBytes(StandardCharsets.UTF_8));

                assertThat(socket.awaitCloseCode()).as("rsv %d", rsv).isEqualTo(1002);
            }
        }
    }

    @Test
    void webSocketTextThatIsNotUtf8ClosesTheConnectionWith1007EvenAcrossFragments() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(tenant.admin().idToken(), Duration.ofSeconds(10))) {
            socket.send(true, 0, RawWebSocket.TEXT, new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
            assertThat(socket.awaitCloseCode()).isEqualTo(1007);
        }
        try (RawWebSocket socket = RawWebSocket.connect(tenant.admin().idToken(), Duration.ofSeconds(10))) {
            socket.send(false, 0, RawWebSocket.TEXT, new byte[]{'"', (byte) 0xe2, (byte) 0x82});
            socket.send(true, 0, RawWebSocket.CONTINUATION, new byte[]{'x', '"'});
            assertThat(socket.awaitCloseCode()).isEqualTo(1007);
        }
        try (RawWebSocket socket = RawWebSocket.connect(tenant.admin().idToken(), Duration.ofSeconds(10))) {
            socket.send(false, 0, RawWebSocket.TEXT, "{\"action\":\"pi".getBytes(StandardCharsets.UTF_8));
            socket.send(true, 0, RawWebSocket.CONTINUATION, "ng\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(socket.readText()).contains("pong");
        }
    }

    @Test
    void aWebSocketHandshakeWithTwoTokensIs400() throws Exception {
        String token = URLEncoder.encode(tenant.admin().idToken(), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RawWebSocket.connectWithQuery("token=" + token + "&token=" + token, Duration.ofSeconds(5)))
                .hasMessageContaining("HTTP/1.1 400");
    }

    /** The router sends {@code /ws/} to the WebSocket endpoint too; its handshake is checked the same way. */
    @Test
    void aWebSocketHandshakeWithoutAValidTokenIs401ByEverySpellingOfThePath() {
        for (String target : List.of("/ws?token=garbage", "/ws/?token=garbage", "/ws/", "/ws")) {
            assertThatThrownBy(() -> RawWebSocket.connectTo(target, Duration.ofSeconds(5))).as(target)
                    .hasMessageContaining("HTTP/1.1 401");
        }
    }

    /** What the server sends until it closes the connection or stays quiet for the socket's timeout. */
    private static String readUntilClosedOrQuiet(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int read; (read = socket.getInputStream().read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException quiet) {
            // the server keeps the connection open but has nothing more to say
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    private static HttpResponse<String> send(BodyOperation operation, String body) {
        return RawHttp.send(operation.method(), operation.path(), tokens.get(operation.caller()), body);
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("detail").asText();
    }

    private static Path contract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (dir.resolve("openapi.yaml").toFile().isFile()) {
                return dir.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("openapi.yaml not found");
    }
}
