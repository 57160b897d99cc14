package io.tessera.core.catalog;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Line items as the JSON that items store in their {@code lines} attribute (a native DynamoDB list). */
@Singleton
public class LineItemsJson {

    private final ObjectMapper json;

    LineItemsJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(List<LineItem> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<LineItem> read(String lines) {
        try {
            return List.of(json.readValue(lines, LineItem[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
