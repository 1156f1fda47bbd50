package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code allOf} as one schema: properties and required lists are united (a property both sides
 * declare becomes the allOf of both), types and enums intersected, bounds tightened; for any other
 * keyword the first schema that sets it wins.
 */
final class SchemaMerge {
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "minLength", "minItems", "minProperties");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "maxLength", "maxItems", "maxProperties");

    private SchemaMerge() {}

    static ObjectNode merge(ObjectNode a, ObjectNode b) {
        ObjectNode result = a.deepCopy();
        for (Map.Entry<String, JsonNode> e : b.properties()) {
            String key = e.getKey();
            JsonNode theirs = e.getValue();
            JsonNode ours = result.get(key);
            if (ours == null) {
                result.set(key, theirs.deepCopy());
            } else if (key.equals("properties") && ours.isObject() && theirs.isObject()) {
                result.set(key, properties((ObjectNode) ours, (ObjectNode) theirs));
            } else if (key.equals("required") && ours.isArray() && theirs.isArray()) {
                Set<String> names = new LinkedHashSet<>();
                ours.forEach(n -> names.add(n.asText()));
                theirs.forEach(n -> names.add(n.asText()));
                ArrayNode merged = result.putArray(key);
                names.forEach(merged::add);
            } else if ((key.equals("type") || key.equals("bsonType"))) {
                result.set(key, intersectTypes(ours, theirs));
            } else if (key.equals("enum") && ours.isArray() && theirs.isArray()) {
                ArrayNode merged = JsonNodeFactory.instance.arrayNode();
                ours.forEach(v -> {
                    for (JsonNode w : theirs) if (v.equals(w)) merged.add(v);
                });
                result.set(key, merged);
            } else if (LOWER_BOUNDS.contains(key) && ours.isNumber() && theirs.isNumber()) {
                result.set(key, ours.decimalValue().compareTo(theirs.decimalValue()) >= 0 ? ours : theirs);
            } else if (UPPER_BOUNDS.contains(key) && ours.isNumber() && theirs.isNumber()) {
                result.set(key, ours.decimalValue().compareTo(theirs.decimalValue()) <= 0 ? ours : theirs);
            }
        }
        return result;
    }

    private static ObjectNode properties(ObjectNode ours, ObjectNode theirs) {
        ObjectNode merged = ours.deepCopy();
        for (Map.Entry<String, JsonNode> p : theirs.properties()) {
            JsonNode existing = merged.get(p.getKey());
            if (existing == null) {
                merged.set(p.getKey(), p.getValue().deepCopy());
            } else {
                ObjectNode both = JsonNodeFactory.instance.objectNode();
                both.putArray("allOf").add(existing).add(p.getValue().deepCopy());
                merged.set(p.getKey(), both);
            }
        }
        return merged;
    }

    /** The types both allow; integer is a number. An empty result is left to the caller to refuse. */
    private static JsonNode intersectTypes(JsonNode ours, JsonNode theirs) {
        List<String> a = names(ours);
        List<String> b = names(theirs);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (String x : a) {
            if (b.contains(x)) result.add(x);
            else if (x.equals("number") && b.contains("integer")) result.add("integer");
            else if (x.equals("integer") && b.contains("number")) result.add("integer");
        }
        return result.size() == 1 ? result.get(0) : result;
    }

    static List<String> names(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type == null) return names;
        if (type.isArray()) type.forEach(t -> names.add(t.asText()));
        else names.add(type.asText());
        return names;
    }
}
