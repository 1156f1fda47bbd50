package io.seedfleet.sources.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedfleet.core.generate.Semantic;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The column of one scalar value: its type from {@code type}/{@code format} (or MongoDB's
 * {@code bsonType}), enum and const as enum labels, lengths as varchar(n) and CHECKs, numeric bounds
 * as CHECKs the engine's CheckAnalyzer solves, and what the writer does with the value.
 */
final class ScalarColumns {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 3986's unreserved, reserved (but brackets) and percent characters. */
    private static final String URI_CHARACTERS = "[A-Za-z0-9._~:/?#@!$&()*+,;=%-]";
    private static final String URI = "^[A-Za-z][A-Za-z0-9+.-]*:" + URI_CHARACTERS + "+$";
    /** Formats the engine makes as text, with a CHECK that keeps its edge cases (blanks, quotes) out. */
    private static final Map<String, String> FORMAT_CHECKS = Map.of(
            "email", "^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$",
            "idn-email", "^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$",
            "uri", URI,
            "iri", URI,
            "url", URI,
            "uri-reference", "^" + URI_CHARACTERS + "+$",
            "iri-reference", "^" + URI_CHARACTERS + "+$",
            "hostname", "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$",
            "idn-hostname", "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$");
    /** Formats that only annotate (or that the engine's plain text satisfies). */
    private static final Set<String> ANNOTATION_FORMATS = Set.of("int32", "int64", "float", "double", "password", "byte", "binary",
            "regex", "json-pointer", "relative-json-pointer", "uri-template", "duration");

    private final SchemaTree tree;
    private final Projector.Flavor flavor;
    private final List<SchemaModel.Unsupported> unsupported;

    ScalarColumns(SchemaTree tree, Projector.Flavor flavor, List<SchemaModel.Unsupported> unsupported) {
        this.tree = tree;
        this.flavor = flavor;
        this.unsupported = unsupported;
    }

    /**
     * enum and const. Labels are the strings themselves, or JSON texts when any value is not a
     * string. A MongoDB enum of numbers keeps its bsonType (a long enum is still written as $numberLong).
     */
    Shape label(TableBuilder t, String column, ObjectNode n, List<JsonNode> values, boolean nullable, String pointer) {
        List<JsonNode> present = values.stream().filter(v -> !v.isNull()).toList();
        if (present.isEmpty()) return new Shape.Constant(NullNode.instance);
        boolean strings = present.stream().allMatch(JsonNode::isTextual);
        Set<String> labels = new LinkedHashSet<>();
        for (JsonNode v : present) labels.add(strings ? v.asText() : canonical(v));
        addColumn(t, Column.of(column, ColumnType.enumOf(t.name().name() + "_" + column, List.copyOf(labels)), nullable), pointer);
        ScalarKind kind = ScalarKind.LABEL;
        if (flavor == Projector.Flavor.MONGODB && present.stream().allMatch(JsonNode::isNumber)) {
            kind = switch (SchemaMerge.names(n.get("bsonType")).stream().filter(b -> !b.equals("null")).findFirst().orElse("")) {
                case "long" -> ScalarKind.INT64;
                case "decimal" -> ScalarKind.DECIMAL128;
                case "double" -> ScalarKind.DOUBLE;
                default -> ScalarKind.LABEL;
            };
        }
        return new Shape.Scalar(column, kind, null, null, null, null, !strings);
    }

    private static String canonical(JsonNode v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Shape scalar(TableBuilder t, String column, ObjectNode n, String pointer, boolean nullable, String type) {
        if (flavor == Projector.Flavor.MONGODB && n.has("bsonType")) return bson(t, column, n, pointer, nullable, type);
        return switch (type) {
            case "boolean" -> {
                addColumn(t, Column.of(column, ColumnType.of(TypeKind.BOOLEAN, "boolean"), nullable), pointer);
                yield new Shape.Scalar(column, ScalarKind.BOOLEAN, null, null, null, null, false);
            }
            case "integer" -> numeric(t, column, n, pointer, nullable,
                    "int32".equals(n.path("format").asText()) ? TypeKind.INTEGER : TypeKind.BIGINT, ScalarKind.INTEGER, true);
            case "number" -> numeric(t, column, n, pointer, nullable, TypeKind.NUMERIC, ScalarKind.NUMBER, false);
            case "string" -> string(t, column, n, pointer, nullable);
            default -> throw tree.error(pointer + "/type", "unknown type " + type);
        };
    }

    /** MongoDB's bsonType: each BSON type becomes the column type whose values Extended JSON can carry. */
    private Shape bson(TableBuilder t, String column, ObjectNode n, String pointer, boolean nullable, String bsonType) {
        return switch (bsonType) {
            case "objectId" -> {
                addColumn(t, Column.of(column, ColumnType.of(TypeKind.UUID, "uuid"), nullable), pointer);
                if (column.equals("_id")) t.unique(column);
                yield new Shape.Scalar(column, ScalarKind.OBJECT_ID, null, null, null, null, false);
            }
            case "string" -> string(t, column, n, pointer, nullable);
            case "int" -> numeric(t, column, n, pointer, nullable, TypeKind.INTEGER, ScalarKind.INT32, true);
            case "long" -> numeric(t, column, n, pointer, nullable, TypeKind.BIGINT, ScalarKind.INT64, true);
            case "double", "number" -> numeric(t, column, n, pointer, nullable, TypeKind.DOUBLE, ScalarKind.DOUBLE, false);
            case "decimal" -> numeric(t, column, n, pointer, nullable, TypeKind.NUMERIC, ScalarKind.DECIMAL128, false);
            case "bool" -> {
                addColumn(t, Column.of(column, ColumnType.of(TypeKind.BOOLEAN, "boolean"), nullable), pointer);
                yield new Shape.Scalar(column, ScalarKind.BOOLEAN, null, null, null, null, false);
            }
            case "date" -> {
                addColumn(t, Column.of(column, ColumnType.of(TypeKind.TIMESTAMPTZ, "timestamptz"), nullable), pointer);
                yield new Shape.Scalar(column, ScalarKind.BSON_DATE, null, null, null, null, false);
            }
            default -> leftOut(pointer, "bsonType", "bsonType " + bsonType + " is not supported", !nullable);
        };
    }

    private Shape string(TableBuilder t, String column, ObjectNode n, String pointer, boolean nullable) {
        Integer minLength = n.has("minLength") ? n.get("minLength").asInt() : null;
        Integer maxLength = n.has("maxLength") ? n.get("maxLength").asInt() : null;
        if (minLength != null && maxLength != null && maxLength < minLength) {
            throw tree.error(pointer + "/maxLength", "maxLength " + maxLength + " is below minLength " + minLength);
        }
        String format = n.has("format") ? n.get("format").asText() : null;
        ColumnType text = maxLength != null ? ColumnType.text(TypeKind.VARCHAR, "varchar", maxLength) : ColumnType.text(TypeKind.TEXT, "text", null);
        if (n.has("pattern")) {
            // The engine cannot make text match a regex (a ~ CHECK is only retried 64 times), so the
            // writer makes these values itself with Datafaker's regexify; the column only holds a place.
            String pattern = n.get("pattern").asText();
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw tree.error(pointer + "/pattern", "pattern is not a valid regular expression: " + e.getDescription());
            }
            if (!PatternValues.canGenerate(pattern, minLength, maxLength)) {
                return leftOut(pointer + "/pattern", "pattern", "no string matching " + pattern + " within the length bounds could be generated", !nullable);
            }
            addColumn(t, new Column(column, text, nullable, null, null, null, false, "pattern: " + pattern), pointer);
            return new Shape.Scalar(column, ScalarKind.STRING, pattern, minLength, maxLength, null, false);
        }
        ScalarKind typed = format == null ? null : switch (format) {
            case "date-time" -> ScalarKind.DATE_TIME;
            case "date" -> ScalarKind.DATE;
            case "time" -> ScalarKind.TIME;
            case "uuid" -> ScalarKind.UUID;
            case "ipv4" -> ScalarKind.IPV4;
            case "ipv6" -> ScalarKind.IPV6;
            default -> null;
        };
        if (typed != null) {
            ColumnType type = switch (typed) {
                case DATE_TIME -> ColumnType.of(TypeKind.TIMESTAMPTZ, "timestamptz");
                case DATE -> ColumnType.of(TypeKind.DATE, "date");
                case TIME -> ColumnType.of(TypeKind.TIME, "time");
                case UUID -> ColumnType.of(TypeKind.UUID, "uuid");
                default -> ColumnType.of(TypeKind.INET, "inet");
            };
            addColumn(t, Column.of(column, type, nullable), pointer);
            return new Shape.Scalar(column, typed, null, null, null, null, false);
        }
        String comment = format == null ? null : Semantic.FORMAT_HINT + format;
        addColumn(t, new Column(column, text, nullable, null, null, null, false, comment), pointer);
        String quoted = TableBuilder.quote(column);
        if (minLength != null && minLength > 0) t.check(column, "char_length(" + quoted + ") >= " + minLength);
        if (maxLength != null) t.check(column, "char_length(" + quoted + ") <= " + maxLength);
        if (format != null) {
            String regex = FORMAT_CHECKS.get(format);
            if (regex != null) t.check(column, quoted + " ~ '" + regex.replace("'", "''") + "'");
            else if (!ANNOTATION_FORMATS.contains(format)) {
                unsupported.add(new SchemaModel.Unsupported(pointer + "/format", "format", "format " + format + " is not known: plain text is generated"));
            }
        }
        return new Shape.Scalar(column, ScalarKind.STRING, null, minLength, maxLength, null, false);
    }

    /**
     * Numbers: minimum/maximum (inclusive, or exclusive in the draft-04 boolean and the later numeric
     * form) become CHECKs the engine solves. With multipleOf the column holds the multiplier k, bounded
     * so that k * multipleOf stays within them, and the writer multiplies.
     */
    private Shape numeric(TableBuilder t, String column, ObjectNode n, String pointer, boolean nullable,
                          TypeKind kind, ScalarKind scalar, boolean integral) {
        BigDecimal lo = decimal(n, "minimum", pointer);
        BigDecimal hi = decimal(n, "maximum", pointer);
        boolean loStrict = n.path("exclusiveMinimum").asBoolean(false) && n.get("exclusiveMinimum").isBoolean();
        boolean hiStrict = n.path("exclusiveMaximum").asBoolean(false) && n.get("exclusiveMaximum").isBoolean();
        if (n.path("exclusiveMinimum").isNumber()) {
            BigDecimal x = n.get("exclusiveMinimum").decimalValue();
            if (lo == null || x.compareTo(lo) >= 0) {
                lo = x;
                loStrict = true;
            }
        }
        if (n.path("exclusiveMaximum").isNumber()) {
            BigDecimal x = n.get("exclusiveMaximum").decimalValue();
            if (hi == null || x.compareTo(hi) <= 0) {
                hi = x;
                hiStrict = true;
            }
        }
        if (lo != null && hi != null && (lo.compareTo(hi) > 0 || lo.compareTo(hi) == 0 && (loStrict || hiStrict))) {
            throw tree.error(pointer, "no number lies between the minimum " + lo.toPlainString() + " and the maximum " + hi.toPlainString());
        }
        BigDecimal multipleOf = decimal(n, "multipleOf", pointer);
        if (multipleOf != null) {
            if (multipleOf.signum() <= 0) throw tree.error(pointer + "/multipleOf", "multipleOf must be positive");
            if (integral && multipleOf.stripTrailingZeros().scale() > 0) {
                unsupported.add(new SchemaModel.Unsupported(pointer, "multipleOf", "a fractional multipleOf of an integer is not enforced"));
                multipleOf = null;
            }
        }
        if (multipleOf != null) {
            // The column holds k; k * multipleOf must lie within the bounds.
            if (lo != null) {
                BigDecimal k = lo.divide(multipleOf, 0, RoundingMode.CEILING);
                if (loStrict && k.multiply(multipleOf).compareTo(lo) == 0) k = k.add(BigDecimal.ONE);
                lo = k;
                loStrict = false;
            }
            if (hi != null) {
                BigDecimal k = hi.divide(multipleOf, 0, RoundingMode.FLOOR);
                if (hiStrict && k.multiply(multipleOf).compareTo(hi) == 0) k = k.subtract(BigDecimal.ONE);
                hi = k;
                hiStrict = false;
            }
            if (lo != null && hi != null && lo.compareTo(hi) > 0) {
                throw tree.error(pointer + "/multipleOf", "no multiple of " + multipleOf.toPlainString() + " lies within the bounds");
            }
            kind = TypeKind.BIGINT;
        }
        ColumnType type = kind == TypeKind.NUMERIC ? ColumnType.numeric("numeric", null, null) : ColumnType.of(kind, kind.name().toLowerCase());
        addColumn(t, Column.of(column, type, nullable), pointer);
        BigDecimal[] range = range(kind);
        String quoted = TableBuilder.quote(column);
        if (lo != null) {
            if (lo.compareTo(range[1]) > 0) throw tree.error(pointer, "the minimum " + lo.toPlainString() + " is beyond what is generated (" + range[1] + ")");
            if (lo.compareTo(range[0]) > 0) t.check(column, quoted + (loStrict ? " > " : " >= ") + lo.toPlainString());
        }
        if (hi != null) {
            if (hi.compareTo(range[0]) < 0) throw tree.error(pointer, "the maximum " + hi.toPlainString() + " is beyond what is generated (" + range[0] + ")");
            if (hi.compareTo(range[1]) < 0) t.check(column, quoted + (hiStrict ? " < " : " <= ") + hi.toPlainString());
        }
        return new Shape.Scalar(column, scalar, null, null, null, multipleOf, false);
    }

    /** The values the engine generates for a numeric type: bounds beyond them need no CHECK. */
    private static BigDecimal[] range(TypeKind kind) {
        return switch (kind) {
            case INTEGER -> new BigDecimal[] {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)};
            case BIGINT -> new BigDecimal[] {BigDecimal.valueOf(Long.MIN_VALUE / 2), BigDecimal.valueOf(Long.MAX_VALUE / 2)};
            case DOUBLE -> new BigDecimal[] {BigDecimal.valueOf(-1_000_000_000_000L), BigDecimal.valueOf(1_000_000_000_000L)};
            default -> new BigDecimal[] {new BigDecimal("-999999999999999.99"), new BigDecimal("999999999999999.99")};
        };
    }

    private BigDecimal decimal(ObjectNode n, String keyword, String pointer) {
        JsonNode v = n.get(keyword);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw tree.error(pointer + "/" + keyword, keyword + " must be a number");
        return v.decimalValue();
    }

    void addColumn(TableBuilder t, Column column, String pointer) {
        if (!t.add(column)) {
            throw tree.error(pointer, "two properties of " + t.name().name() + " are both projected onto column " + column.name());
        }
    }

    /** An optional construct the projection cannot make is left out (and reported); a required one is refused. */
    Shape leftOut(String pointer, String keyword, String why, boolean required) {
        if (required) throw tree.error(pointer, why + ", and this value is required");
        unsupported.add(new SchemaModel.Unsupported(pointer, keyword, why + ": the optional property is never generated"));
        return null;
    }
}
