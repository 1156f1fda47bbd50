package io.seedfleet.core.validate;

import static io.seedfleet.core.validate.PostgresValidator.NOT_NULL;
import static io.seedfleet.core.validate.PostgresValidator.ROW_COUNT;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How both validators turn what their queries answer into {@link CheckResult}s, so that PostgreSQL
 * and MySQL report the same names, counts and examples: only the SQL differs between them.
 */
final class CheckResults {
    private CheckResults() {}

    /** A table's row count against the expected one; violations = |actual - expected|. */
    static CheckResult rowCount(Table table, long actual, long expected) {
        long diff = Math.abs(actual - expected);
        return new CheckResult(ROW_COUNT, table.name().toString(), null, diff == 0, diff, List.of());
    }

    /** Row-count failures for the expected tables the schema does not have ({@code seen} holds those it has), by name. */
    static List<CheckResult> notInSchema(Map<String, Long> expected, Set<String> seen) {
        List<CheckResult> results = new ArrayList<>();
        expected.forEach((tableName, rows) -> {
            if (!seen.contains(tableName)) {
                results.add(new CheckResult(ROW_COUNT, tableName, null, false, rows == null ? 0 : Math.abs(rows),
                        List.of("table is not in the schema")));
            }
        });
        return results;
    }

    /**
     * Runs a query answering {@code total, key0, key1, ...} (keys as text) and reads it into a result
     * whose examples render the keys like {@code (org_id=5, user_id=7)}.
     */
    static CheckResult counted(Connection connection, String sql, String name, Table table, String constraint,
                               List<String> keyColumns) throws SQLException {
        long total = 0;
        List<String> examples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                total = rs.getLong(1);
                if (keyColumns.isEmpty()) continue;
                StringBuilder example = new StringBuilder("(");
                for (int i = 0; i < keyColumns.size(); i++) {
                    if (i > 0) example.append(", ");
                    String value = rs.getString(i + 2);
                    example.append(keyColumns.get(i)).append('=').append(value == null ? "NULL" : value);
                }
                examples.add(example.append(')').toString());
            }
        }
        return new CheckResult(name, table.name().toString(), constraint, total == 0, total, List.copyOf(examples));
    }

    /** Runs a query whose one row holds the NULL count of each of {@code columns}, in order: one not-null result per column. */
    static List<CheckResult> notNull(Connection connection, String sql, Table table, List<Column> columns) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                long nulls = rs.getLong(i + 1);
                results.add(new CheckResult(NOT_NULL, table.name().toString(), null, nulls == 0, nulls, List.of(columnNote(columns.get(i)))));
            }
            return results;
        }
    }

    /** Every column's not-null check failed, when the table's one query for them could not run. */
    static List<CheckResult> notNullFailed(Table table, List<Column> columns, SQLException e) {
        return columns.stream().map(c -> error(NOT_NULL, table.name().toString(), null, e, columnNote(c))).toList();
    }

    /** A check whose query failed: violations -1, the error as its last example after {@code notes}. */
    static CheckResult error(String name, String table, String constraint, SQLException e, String... notes) {
        String state = e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]";
        List<String> examples = new ArrayList<>(List.of(notes));
        examples.add("check could not run" + state + ": " + e.getMessage());
        return new CheckResult(name, table, constraint, false, -1, List.copyOf(examples));
    }

    /** The primary key, or else the first plain unique key: how examples name a row without showing its data. */
    static List<String> identifyingColumns(Table table) {
        return table.uniqueKeys().stream().filter(UniqueKey::isPlain)
                .sorted(Comparator.comparing((UniqueKey k) -> !k.isPrimaryKey()))
                .map(UniqueKey::columns).findFirst().orElse(List.of());
    }

    /**
     * A not-null result has no constraint name, so its only example names the column it is about:
     * {@code column=email}.
     */
    static String columnNote(Column column) {
        return "column=" + column.name();
    }
}
