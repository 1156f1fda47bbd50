package io.seedfleet.masking.pii;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads up to {@code rows} rows of a table's columns, as text, in a READ ONLY transaction that is
 * rolled back: the scan can never change the database. Values stay in memory for the validators and
 * are never reported.
 */
final class ValueSampler {
    private ValueSampler() {}

    /** Column name to its non-null sampled values. */
    static Map<String, List<String>> sample(Connection c, Table table, List<Column> columns, int rows) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (columns.isEmpty() || rows <= 0) return out;
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append(Identifiers.quote(columns.get(i).name())).append("::text");
            out.put(columns.get(i).name(), new ArrayList<>());
        }
        sql.append(" FROM ").append(table.name().sql()).append(" LIMIT ").append(rows);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    String v = rs.getString(i + 1);
                    if (v != null && !v.isBlank()) out.get(columns.get(i).name()).add(v);
                }
            }
        }
        return out;
    }

    /** Runs {@code work} in a read-only transaction and restores the connection's settings after. */
    static <T> T readOnly(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        boolean readOnly = c.isReadOnly();
        if (!autoCommit) c.rollback();
        c.setAutoCommit(false);
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
            // Explicit as well: pgjdbc only marks the transaction read-only in its default mode.
            s.execute("SET TRANSACTION READ ONLY");
            return work.run();
        } finally {
            c.rollback();
            c.setReadOnly(readOnly);
            c.setAutoCommit(autoCommit);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
