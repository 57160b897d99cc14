package io.tessera.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Whether a JSON text is one value and nothing more (RFC 8259 §2: {@code JSON-text = ws value ws}).
 * JSON parsers stop after the first value and ignore what follows, so {@code {"a":1}garbage} or
 * two objects in a row would be read as the first object: a request that two parsers (a WAF and
 * Tessera, say) read differently. Only what follows the first value is judged here; a first value
 * that is itself malformed is left to the parser that reads it, which says what is wrong.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** @param utf8 the text as UTF-8 bytes (RFC 8259 §8.1) */
    public static boolean hasContentAfterTheValue(byte[] utf8) {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            if (!skipFirstValue(parser)) {
                return false;
            }
            try {
                return parser.nextToken() != null;
            } catch (IOException afterTheValue) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** @return false if there is no first value, or a malformed one (for the real parser to report) */
    private static boolean skipFirstValue(JsonParser parser) {
        try {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
