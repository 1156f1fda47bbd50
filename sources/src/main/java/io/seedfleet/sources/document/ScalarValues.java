package io.seedfleet.sources.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One column value, as the engine wrote it in COPY text, turned into the JSON value its schema wants. */
final class ScalarValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ScalarValues() {}

    /** @param text the unescaped COPY text, never NULL (the caller handles NULL) */
    static JsonNode convert(Shape.Scalar s, String text) {
        return switch (s.kind()) {
            case STRING, DATE, UUID, IPV4 -> TextNode.valueOf(s.kind() == ScalarKind.IPV4 ? address(text) : text);
            case LABEL -> s.jsonLiteral() ? parse(text) : TextNode.valueOf(text);
            case BOOLEAN -> BooleanNode.valueOf(text.equals("t") || text.equals("true"));
            case INTEGER -> integer(number(s, text).toBigIntegerExact());
            case NUMBER -> DecimalNode.valueOf(number(s, text));
            case DATE_TIME -> TextNode.valueOf(rfc3339(text));
            case TIME -> TextNode.valueOf(text + "Z");
            case IPV6 -> TextNode.valueOf("::ffff:" + address(text));
            case OBJECT_ID -> wrap("$oid", objectId(text));
            case BSON_DATE -> bsonDate(text);
            case INT32 -> IntNode.valueOf(number(s, text).intValueExact());
            case INT64 -> wrap("$numberLong", number(s, text).toBigIntegerExact().toString());
            case DECIMAL128 -> wrap("$numberDecimal", number(s, text).toPlainString());
            case DOUBLE -> switch (text) {
                case "NaN", "Infinity", "-Infinity" -> wrap("$numberDouble", text);
                default -> DoubleNode.valueOf(number(s, text).doubleValue());
            };
        };
    }

    private static BigDecimal number(Shape.Scalar s, String text) {
        BigDecimal v = new BigDecimal(text);
        return s.multipleOf() == null ? v : v.multiply(s.multipleOf());
    }

    private static JsonNode integer(BigInteger v) {
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0 ? LongNode.valueOf(v.longValue()) : BigIntegerNode.valueOf(v);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("enum label is not JSON: " + json, e);
        }
    }

    /** An inet value without a /32 mask. */
    private static String address(String inet) {
        int slash = inet.indexOf('/');
        return slash < 0 ? inet : inet.substring(0, slash);
    }

    /** PostgreSQL's timestamptz text ({@code 2024-06-30 23:30:00+14}) as RFC 3339 ({@code 2024-06-30T23:30:00+14:00}). */
    static String rfc3339(String copy) {
        int space = copy.indexOf(' ');
        String date = copy.substring(0, space);
        String rest = copy.substring(space + 1);
        int sign = Math.max(rest.lastIndexOf('+'), rest.lastIndexOf('-'));
        String time = sign < 0 ? rest : rest.substring(0, sign);
        String offset = sign < 0 ? "+00" : rest.substring(sign);
        if (offset.length() == 3) offset = offset + ":00";
        if (offset.equals("+00:00") || offset.equals("-00:00")) offset = "Z";
        return date + "T" + time + offset;
    }

    /** Extended JSON's relaxed ISO-8601 form where it is allowed (years 1970 to 9999), else milliseconds. */
    private static JsonNode bsonDate(String copy) {
        Instant instant = OffsetDateTime.parse(rfc3339(copy)).toInstant();
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year >= 1970 && year <= 9999) return wrap("$date", instant.toString());
        ObjectNode date = JsonNodeFactory.instance.objectNode();
        date.set("$date", wrap("$numberLong", String.valueOf(instant.toEpochMilli())));
        return date;
    }

    /**
     * 24 hex digits from a uuid: its first 8 and last 16. The engine makes the last 64 bits of a
     * unique uuid column a bijection of the row, so the ObjectIds are unique too.
     */
    private static String objectId(String uuid) {
        String hex = uuid.replace("-", "");
        return hex.substring(0, 8) + hex.substring(16);
    }

    private static ObjectNode wrap(String key, String value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(key, value);
        return node;
    }
}
