package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT scripts psql (or, for a MySQL export, the mysql client) can run: identifiers quoted, values as
 * literals in which only the quote is escaped, 100 rows a statement. The first lines set the session up
 * so exactly that reading holds (standard strings; for MySQL, ANSI quotes and no backslash escapes).
 */
final class SqlRows {
    static final int ROWS_PER_STATEMENT = 100;
    private final Writer out;
    private final String insert;
    private final List<Column> columns;
    private final List<String> pending = new ArrayList<>();

    SqlRows(Writer out, Dialect dialect, Table table, List<Column> columns) throws IOException {
        this.out = out;
        this.columns = columns;
        boolean always = columns.stream().anyMatch(c -> c.identity() == Column.Identity.ALWAYS);
        this.insert = "INSERT INTO " + table.name().sql() + " (" + Identifiers.quoteAll(columns.stream().map(Column::name).toList()) + ")"
                + (always ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES\n";
        out.write("-- " + table.name() + ": rows in key order, written by Seedfleet\n");
        out.write(dialect == Dialect.POSTGRES
                ? "SET standard_conforming_strings = on;\nSET client_encoding = 'UTF8';\n"
                : "SET NAMES utf8mb4;\nSET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,NO_BACKSLASH_ESCAPES');\n");
    }

    void row(List<String> values) throws IOException {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) tuple.append(", ");
            tuple.append(literal(columns.get(i), values.get(i)));
        }
        pending.add(tuple.append(')').toString());
        if (pending.size() == ROWS_PER_STATEMENT) flush();
    }

    void finish() throws IOException {
        flush();
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) return;
        out.write(insert);
        out.write(String.join(",\n", pending));
        out.write(";\n");
        pending.clear();
    }

    private static String literal(Column column, String text) {
        if (text == null) return "NULL";
        if (Values.isBoolean(column.type().kind())) return Values.booleanValue(text) ? "TRUE" : "FALSE";
        if (Values.isPlainNumber(column.type().kind(), text)) return text;
        return Identifiers.literal(text);
    }
}
