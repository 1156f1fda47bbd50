package io.seedfleet.masking.method;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the values at JSON paths of a json/jsonb document ({@code params.paths}: path to rule, e.g.
 * {@code "$.contact.email": {method: email}}), keeping every other key. Paths are {@code $} followed by
 * {@code .key}, {@code [n]} or {@code [*]} steps; a path that is absent in a document is skipped. The
 * value at a path is masked as text; a number stays a number when its mask is one.
 */
final class JsonPathMasker implements ColumnMasker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Params params;
    private final Map<List<String>, PathMasker> byPath;

    /** A path's masker for text values and for numbers; either is null when the rule cannot apply to that kind. */
    private record PathMasker(ColumnMasker text, ColumnMasker number) {}

    private JsonPathMasker(Params params, Map<List<String>, PathMasker> byPath) {
        this.params = params;
        this.byPath = byPath;
    }

    static ColumnMasker of(Params params, MaskingSecret secret) {
        params.allow("paths");
        TypeKind kind = params.column().type().kind();
        if (kind != TypeKind.JSON && kind != TypeKind.JSONB) throw params.problem("paths apply to json and jsonb columns");
        if (!(params.values().get("paths") instanceof Map<?, ?> paths) || paths.isEmpty()) throw params.problem("paths must map JSON paths to rules");
        Map<List<String>, PathMasker> byPath = new LinkedHashMap<>();
        paths.forEach((path, rule) -> {
            List<String> steps = parse(params, String.valueOf(path));
            DataDefinition.MaskRule inner = rule(params, String.valueOf(path), rule);
            String name = params.column().name() + path;
            ColumnMasker text = null;
            ColumnMasker number = null;
            IllegalArgumentException textProblem = null;
            try {
                text = Maskers.of(inner, Column.of(name, ColumnType.of(TypeKind.TEXT, "text"), true), secret);
            } catch (IllegalArgumentException e) {
                textProblem = e;
            }
            try {
                number = Maskers.of(inner, Column.of(name, ColumnType.numeric("numeric", null, null), true), secret);
            } catch (IllegalArgumentException e) {
                if (text == null) throw textProblem;
            }
            byPath.put(steps, new PathMasker(text, number));
        });
        return new JsonPathMasker(params, byPath);
    }

    @SuppressWarnings("unchecked")
    private static DataDefinition.MaskRule rule(Params params, String path, Object rule) {
        if (rule instanceof String method) return new DataDefinition.MaskRule(method, Map.of());
        if (!(rule instanceof Map<?, ?> map) || !(map.get("method") instanceof String method)) {
            throw params.problem("the rule of path " + path + " needs a method");
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        if (map.get("params") instanceof Map<?, ?> nested) nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
        ((Map<Object, Object>) map).forEach((k, v) -> {
            if (!k.equals("method") && !k.equals("params")) inner.put(String.valueOf(k), v);
        });
        return new DataDefinition.MaskRule(method, inner);
    }

    static List<String> parse(Params params, String path) {
        if (!path.startsWith("$")) throw params.problem("path " + path + " must start with $");
        List<String> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
                if (end == i + 1) throw params.problem("path " + path + " has an empty key");
                steps.add("." + path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) throw params.problem("path " + path + " has an unclosed [");
                String index = path.substring(i + 1, end).trim();
                if (index.startsWith("'") || index.startsWith("\"")) steps.add("." + index.substring(1, index.length() - 1));
                else if (index.equals("*") || index.matches("\\d+")) steps.add("[" + index);
                else throw params.problem("path " + path + ": [" + index + "] is not an index, * or quoted key");
                i = end + 1;
            } else {
                throw params.problem("path " + path + ": expected . or [ at character " + (i + 1));
            }
        }
        if (steps.isEmpty()) throw params.problem("path " + path + " names no key");
        return List.copyOf(steps);
    }

    @Override
    public String mask(String value) {
        if (value == null) return null;
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw params.problem("not a JSON document");
        }
        byPath.forEach((steps, masker) -> apply(root, steps, 0, masker));
        return root.toString();
    }

    private void apply(JsonNode node, List<String> steps, int at, PathMasker masker) {
        String step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (step.startsWith(".") && node instanceof ObjectNode object) {
            String key = step.substring(1);
            JsonNode child = object.get(key);
            if (child == null) return;
            if (last) object.set(key, masked(child, masker));
            else apply(child, steps, at + 1, masker);
        } else if (step.startsWith("[") && node instanceof ArrayNode array) {
            String index = step.substring(1);
            for (int i = 0; i < array.size(); i++) {
                if (!index.equals("*") && Integer.parseInt(index) != i) continue;
                if (last) array.set(i, masked(array.get(i), masker));
                else apply(array.get(i), steps, at + 1, masker);
            }
        }
    }

    private JsonNode masked(JsonNode value, PathMasker path) {
        if (value.isNull()) return value;
        ColumnMasker masker = value.isNumber() && path.number() != null || path.text() == null ? path.number() : path.text();
        if (value.isContainerNode()) {
            if (path.text() == null) throw params.problem("a path's value is an object or array, which its rule cannot mask");
            return JSON.getNodeFactory().textNode(path.text().mask(value.toString()));
        }
        String out = masker.mask(value.asText());
        if (out == null) return JSON.getNodeFactory().nullNode();
        if (value.isNumber()) {
            try {
                return JSON.getNodeFactory().numberNode(new BigDecimal(out));
            } catch (NumberFormatException e) {
                return JSON.getNodeFactory().textNode(out);
            }
        }
        if (value.isBoolean() && (out.equals("true") || out.equals("false"))) return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(out));
        return JSON.getNodeFactory().textNode(out);
    }
}
