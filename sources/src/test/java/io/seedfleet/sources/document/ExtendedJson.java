package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Test-side reading of MongoDB Extended JSON against a $jsonSchema: checks that each value has the
 * exact shape its bsonType needs ({"$oid": 24 hex digits}, {"$numberLong": digits}, ...), decodes it
 * to plain JSON, and translates the $jsonSchema to a draft-07 schema for the decoded documents, so
 * networknt checks the rest (required, bounds, enums, patterns, array sizes).
 */
final class ExtendedJson {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private ExtendedJson() {}

    /** The decoded value; wrong shapes are added to {@code problems}. */
    static JsonNode decode(JsonNode schema, JsonNode value, String path, List<String> problems) {
        List<String> types = SchemaMerge.names(schema.get("bsonType"));
        if (value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) problems.add(path + ": null for " + types);
            return value;
        }
        String type = types.stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
        if (type == null) return value;
        switch (type) {
            case "objectId": return wrapped(value, "$oid", path, problems, s -> OBJECT_ID.matcher(s).matches(), TextNode::valueOf);
            case "long": return wrapped(value, "$numberLong", path, problems, s -> INTEGER.matcher(s).matches(), s -> LongNode.valueOf(Long.parseLong(s)));
            case "decimal": return wrapped(value, "$numberDecimal", path, problems, ExtendedJson::isDecimal, s -> DecimalNode.valueOf(new BigDecimal(s)));
            case "date": {
                if (!value.isObject() || value.size() != 1 || !value.has("$date")) {
                    problems.add(path + ": a date must be {\"$date\": ...}, not " + value);
                    return value;
                }
                JsonNode date = value.get("$date");
                if (date.isTextual()) return TextNode.valueOf(Instant.parse(date.asText()).toString());
                JsonNode millis = wrapped(date, "$numberLong", path, problems, s -> INTEGER.matcher(s).matches(), s -> LongNode.valueOf(Long.parseLong(s)));
                return TextNode.valueOf(Instant.ofEpochMilli(millis.asLong()).toString());
            }
            case "int":
                if (!value.isInt()) problems.add(path + ": an int must be a plain 32-bit number, not " + value);
                return value;
            case "double":
                if (value.isObject()) return wrapped(value, "$numberDouble", path, problems, s -> s.matches("NaN|-?Infinity"), s -> DoubleNode.valueOf(0));
                if (!value.isNumber()) problems.add(path + ": a double must be a number, not " + value);
                return value;
            case "bool":
                if (!value.isBoolean()) problems.add(path + ": not a boolean: " + value);
                return value;
            case "string":
                if (!value.isTextual()) problems.add(path + ": not a string: " + value);
                return value;
            case "object": {
                if (!value.isObject()) {
                    problems.add(path + ": not an object: " + value);
                    return value;
                }
                ObjectNode decoded = JsonNodeFactory.instance.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode property = schema.path("properties").get(e.getKey());
                    decoded.set(e.getKey(), property == null ? e.getValue() : decode(property, e.getValue(), path + "/" + e.getKey(), problems));
                }
                return decoded;
            }
            case "array": {
                if (!value.isArray()) {
                    problems.add(path + ": not an array: " + value);
                    return value;
                }
                ArrayNode decoded = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < value.size(); i++) decoded.add(decode(schema.path("items"), value.get(i), path + "/" + i, problems));
                return decoded;
            }
            default:
                problems.add(path + ": unexpected bsonType " + type);
                return value;
        }
    }

    private static JsonNode wrapped(JsonNode value, String key, String path, List<String> problems,
                                    java.util.function.Predicate<String> valid, java.util.function.Function<String, JsonNode> decoder) {
        if (!value.isObject() || value.size() != 1 || !value.path(key).isTextual() || !valid.test(value.get(key).asText())) {
            problems.add(path + ": expected {\"" + key + "\": \"...\"}, got " + value);
            return value;
        }
        return decoder.apply(value.get(key).asText());
    }

    private static boolean isDecimal(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The $jsonSchema as draft-07 over decoded documents: bsonTypes become JSON types. */
    static JsonNode translate(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            schema.forEach(s -> out.add(translate(s)));
            return out;
        }
        if (!schema.isObject()) return schema;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("bsonType")) {
                List<String> types = new ArrayList<>();
                for (String t : SchemaMerge.names(e.getValue())) {
                    types.add(switch (t) {
                        case "objectId", "string", "date" -> "string";
                        case "int", "long" -> "integer";
                        case "double", "decimal" -> "number";
                        case "bool" -> "boolean";
                        default -> t;
                    });
                    if (t.equals("objectId")) out.put("pattern", "^[0-9a-f]{24}$");
                    if (t.equals("date")) out.put("format", "date-time");
                    if (t.equals("int")) {
                        out.put("minimum", Integer.MIN_VALUE);
                        out.put("maximum", Integer.MAX_VALUE);
                    }
                }
                ArrayNode list = out.putArray("type");
                types.stream().distinct().forEach(list::add);
            } else if (e.getKey().equals("properties")) {
                ObjectNode properties = out.putObject("properties");
                e.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), translate(p.getValue())));
            } else if (e.getKey().equals("items")) {
                out.set("items", translate(e.getValue()));
            } else if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        return out;
    }
}
