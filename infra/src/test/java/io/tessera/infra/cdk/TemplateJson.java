package io.tessera.infra.cdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the synthesized template as plain maps, for checks that follow references between
 * resources (a rule's target queue, a mapping's function) rather than match one resource's shape.
 */
public final class TemplateJson {

    private final Map<String, Map<String, Object>> resources;

    @SuppressWarnings("unchecked")
    TemplateJson(Map<String, Object> template) {
        this.resources = (Map<String, Map<String, Object>>) template.get("Resources");
    }

    /** Every resource of a type, by logical id. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    public Map<String, Object> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId)).orElseThrow(() -> new AssertionError("no resource " + logicalId));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** The logical id behind {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, attribute]}}. */
    public static String target(Object reference) {
        if (reference instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String id) {
                return id;
            }
            if (map.get("Fn::GetAtt") instanceof List<?> getAtt && getAtt.get(0) instanceof String id) {
                return id;
            }
        }
        throw new AssertionError("not a reference to a resource: " + reference);
    }

    /** A property of the resource that a reference points at, e.g. a queue's QueueName. */
    public Object propertyOf(Object reference, String property) {
        return properties(resource(target(reference))).get(property);
    }

    @SuppressWarnings("unchecked")
    public static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    /** The list at a path, or an empty list where the template leaves it out. */
    public static List<Map<String, Object>> list(Object node, String... path) {
        List<Map<String, Object>> list = at(node, path);
        return list == null ? List.of() : list;
    }
}
