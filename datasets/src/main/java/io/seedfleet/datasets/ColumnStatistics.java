package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads row counts and per-column statistics, one set-based query per table, in one read-only snapshot. */
final class ColumnStatistics {
    record TableStats(long rows, Map<String, ColumnStats> columns) {}

    private ColumnStatistics() {}

    static Map<String, TableStats> read(JdbcTarget target, SchemaModel schema) throws SQLException {
        Dialect dialect = Dialect.of(target);
        Map<String, TableStats> result = new TreeMap<>();
        try (Connection c = target.open()) {
            dialect.beginReadOnlySnapshot(c);
            try (Statement s = c.createStatement()) {
                for (Table table : schema.tables()) result.put(table.name().toString(), read(s, dialect, table));
            } finally {
                c.rollback();
            }
        }
        return result;
    }

    private static TableStats read(Statement s, Dialect dialect, Table table) throws SQLException {
        List<String> select = new ArrayList<>();
        select.add("count(*)");
        for (Column column : table.columns()) {
            String ordered = dialect.ordered(column);
            select.add("count(" + dialect.asText(column) + ")");
            select.add("count(DISTINCT " + dialect.asText(column) + ")");
            select.add(dialect.minMaxText("min(" + ordered + ")"));
            select.add(dialect.minMaxText("max(" + ordered + ")"));
        }
        try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", select) + " FROM " + table.name().sql())) {
            rs.next();
            long rows = rs.getLong(1);
            Map<String, ColumnStats> columns = new LinkedHashMap<>();
            int i = 2;
            for (Column column : table.columns()) {
                long count = rs.getLong(i);
                columns.put(column.name(), new ColumnStats(count, rows - count, rs.getLong(i + 1), rs.getString(i + 2), rs.getString(i + 3)));
                i += 4;
            }
            return new TableStats(rows, columns);
        }
    }
}
