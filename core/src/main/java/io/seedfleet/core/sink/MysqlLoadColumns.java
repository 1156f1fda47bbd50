package io.seedfleet.core.sink;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The column list and SET clause of a LOAD DATA statement that takes the engine's COPY text as is
 * and turns each value into what its MySQL column accepts: PostgreSQL's {@code t}/{@code f}
 * booleans into 1/0, {@code \x}-hex bytea into bytes, bit strings into numbers, a timestamp's
 * {@code +00} offset dropped, and text for a column in a narrower character set than utf8mb4
 * converted to it (a character it cannot hold becomes {@code ?}, as MySQL itself converts).
 * Identifiers are double-quoted: the session runs with ANSI_QUOTES.
 */
record MysqlLoadColumns(String columnList, String setClause, boolean converts) {

    /** {@code charsets}: each text column's character set, from information_schema. */
    static MysqlLoadColumns of(Table table, List<String> columns, Map<String, String> charsets) {
        List<String> targets = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        boolean converts = false;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            Column column = table.column(name);
            String variable = "@v" + i;
            String expression = switch (column.type().kind()) {
                case BOOLEAN -> "(" + variable + " = 't')";
                case BYTEA -> "UNHEX(SUBSTRING(" + variable + ", 3))";
                case BIT -> "CAST(CONV(" + variable + ", 2, 10) AS UNSIGNED)";
                case TIMESTAMPTZ, TIMETZ -> "SUBSTRING_INDEX(" + variable + ", '+', 1)";
                case TEXT, VARCHAR, CHAR -> {
                    String charset = charsets.get(name);
                    yield charset == null || charset.equalsIgnoreCase("utf8mb4") || charset.equalsIgnoreCase("binary")
                            ? null : "CONVERT(" + variable + " USING " + charset + ")";
                }
                default -> null;
            };
            if (expression == null) {
                targets.add(Identifiers.quote(name));
            } else {
                targets.add(variable);
                sets.add(Identifiers.quote(name) + " = " + expression);
                converts |= expression.startsWith("CONVERT(");
            }
        }
        return new MysqlLoadColumns("(" + String.join(", ", targets) + ")",
                sets.isEmpty() ? "" : " SET " + String.join(", ", sets), converts);
    }
}
