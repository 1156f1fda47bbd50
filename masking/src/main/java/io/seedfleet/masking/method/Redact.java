package io.seedfleet.masking.method;

import io.seedfleet.core.schema.ColumnType;

/** Every value becomes one constant: {@code params.value}, or a neutral value of the column's type. */
final class Redact {
    private Redact() {}

    static ColumnMasker of(Params params) {
        params.allow("value");
        ColumnType type = params.column().type();
        String value = params.has("value") ? params.string("value", null) : required(params);
        if (type.kind().isText() && type.length() != null && value.length() > type.length()) {
            if (params.has("value")) throw params.problem("value is longer than the column's " + type.length() + " characters");
            value = value.substring(0, type.length());
        }
        if (type.kind() == io.seedfleet.core.schema.TypeKind.ENUM && !type.enumLabels().contains(value)) {
            throw params.problem("value must be one of the enum's labels " + type.enumLabels());
        }
        String constant = value;
        return v -> v == null ? null : constant;
    }

    private static String defaultFor(Params params) {
        ColumnType type = params.column().type();
        if (params.textual()) return "***";
        return switch (type.kind()) {
            case TEXT, VARCHAR, CHAR -> "***";
            case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE, MONEY -> "0";
            case BOOLEAN -> "f";
            case DATE -> "1970-01-01";
            case TIMESTAMP -> "1970-01-01 00:00:00";
            case TIMESTAMPTZ -> "1970-01-01 00:00:00+00";
            case TIME -> "00:00:00";
            case TIMETZ -> "00:00:00+00";
            case INTERVAL -> "00:00:00";
            case UUID -> "00000000-0000-0000-0000-000000000000";
            case JSON, JSONB -> "{}";
            case INET -> "0.0.0.0";
            case CIDR -> "0.0.0.0/32";
            case MACADDR -> "00:00:00:00:00:00";
            case BYTEA -> "\\x";
            case ENUM -> type.enumLabels().isEmpty() ? null : type.enumLabels().get(0);
            case ARRAY -> "{}";
            default -> null;
        };
    }

    static String required(Params params) {
        String v = defaultFor(params);
        if (v == null) throw params.problem("no default for this type: give params.value");
        return v;
    }
}
