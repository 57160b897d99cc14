package io.tessera.core.data;

import io.tessera.core.problems.BadRequestException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorsTest {

    private static final String PRODUCTS = "table|TENANT#acme|PRODUCT#|asc|caller=u1";
    private static final Map<String, AttributeValue> LAST_KEY = Map.of(
            "pk", AttributeValue.fromS("TENANT#acme"), "sk", AttributeValue.fromS("PRODUCT#p-7"));

    private final PageCursors cursors = new PageCursors(() -> "k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void aCursorLeadsBackToTheKeyItWasMadeFromForTheSameListing() {
        String cursor = cursors.encode(PRODUCTS, LAST_KEY);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursors.decode(PRODUCTS, cursor)).isEqualTo(LAST_KEY);
    }

    @Test
    void noLastKeyMeansNoCursorAndNoCursorMeansTheFirstPage() {
        assertThat(cursors.encode(PRODUCTS, Map.of())).isNull();
        assertThat(cursors.decode(PRODUCTS, null)).isNull();
        assertThat(cursors.decode(PRODUCTS, "")).isNull();
    }

    @Test
    void aCursorOfAnotherListingFilterTenantOrCallerIsRefused() {
        String cursor = cursors.encode(PRODUCTS, LAST_KEY);

        for (String other : new String[]{
                "table|TENANT#acme|AUDIT#|desc|caller=u1",
                "table|TENANT#acme|PRODUCT#|asc|#status = :status|{#status=status}|{:status=PAID}|caller=u1",
                "table|TENANT#other|PRODUCT#|asc|caller=u1",
                "table|TENANT#acme|PRODUCT#|asc|caller=u2"}) {
            assertThatThrownBy(() -> cursors.decode(other, cursor)).isInstanceOf(BadRequestException.class);
        }
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        String cursor = new PageCursors(() -> "x".repeat(32).getBytes(StandardCharsets.UTF_8)).encode(PRODUCTS, LAST_KEY);

        assertThatThrownBy(() -> cursors.decode(PRODUCTS, cursor)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void handMadeTamperedAndMalformedCursorsAreRefused() {
        String cursor = cursors.encode(PRODUCTS, LAST_KEY);
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[3] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String handMade = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("pk\u001fTENANT#acme\u001f".getBytes(StandardCharsets.UTF_8));

        for (String bad : new String[]{tampered, handMade, "%%%", "a", cursor + "A", "A".repeat(3000)}) {
            assertThatThrownBy(() -> cursors.decode(PRODUCTS, bad)).isInstanceOf(BadRequestException.class);
        }
    }
}
