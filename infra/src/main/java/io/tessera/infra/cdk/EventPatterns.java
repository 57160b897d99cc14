package io.tessera.infra.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.services.events.EventPattern;

import java.util.List;
import java.util.Map;

/** Turns an event pattern as {@link io.tessera.core.resources.TesseraResources} writes it (JSON) into CDK's typed pattern. */
final class EventPatterns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPatterns() {
    }

    static EventPattern fromJson(String json) {
        Map<String, Object> pattern = parse(json);
        EventPattern.Builder builder = EventPattern.builder();
        pattern.forEach((field, value) -> {
            switch (field) {
                case "source" -> builder.source(strings(field, value));
                case "detail-type" -> builder.detailType(strings(field, value));
                case "account" -> builder.account(strings(field, value));
                case "region" -> builder.region(strings(field, value));
                case "resources" -> builder.resources(strings(field, value));
                case "detail" -> builder.detail(object(field, value));
                default -> throw new IllegalArgumentException("event pattern field '" + field + "' is not supported here: " + json);
            }
        });
        return builder.build();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event pattern is not a JSON object: " + json, e);
        }
    }

    private static List<String> strings(String field, Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("event pattern field '" + field + "' must be a list of strings, got " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String field, Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("event pattern field '" + field + "' must be an object, got " + value);
    }
}
