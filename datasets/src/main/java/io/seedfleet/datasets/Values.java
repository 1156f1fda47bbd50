package io.seedfleet.datasets;

import io.seedfleet.core.schema.TypeKind;
import java.util.regex.Pattern;

/** How a column's text (as the database printed it) is typed in JSON and SQL: numbers stay numbers, booleans booleans. */
final class Values {
    private static final Pattern FINITE_NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {}

    /** A number JSON and SQL can carry unquoted; NaN, infinities and money amounts stay text. */
    static boolean isPlainNumber(TypeKind kind, String text) {
        return kind.isNumeric() && kind != TypeKind.MONEY && FINITE_NUMBER.matcher(text).matches();
    }

    static boolean isBoolean(TypeKind kind) {
        return kind == TypeKind.BOOLEAN;
    }

    /** PostgreSQL prints true/false (t/f over some paths), MySQL 1/0. */
    static boolean booleanValue(String text) {
        return text.equals("true") || text.equals("t") || text.equals("1");
    }

    static boolean isJson(TypeKind kind) {
        return kind == TypeKind.JSON || kind == TypeKind.JSONB;
    }
}
