package io.seedfleet.core.validate;

import static io.seedfleet.core.validate.CheckResults.counted;
import static io.seedfleet.core.validate.CheckResults.error;
import static io.seedfleet.core.validate.CheckResults.identifyingColumns;
import static io.seedfleet.core.validate.CheckResults.notNullFailed;
import static io.seedfleet.core.validate.PostgresValidator.CHECK;
import static io.seedfleet.core.validate.PostgresValidator.FOREIGN_KEY;
import static io.seedfleet.core.validate.PostgresValidator.MAX_EXAMPLES;
import static io.seedfleet.core.validate.PostgresValidator.ROW_COUNT;
import static io.seedfleet.core.validate.PostgresValidator.UNIQUE;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.MysqlIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link PostgresValidator}'s checks on a MySQL or MariaDB database, with the same names, order,
 * counts and examples: row counts, unique keys, foreign-key orphans, NOT NULL and CHECK
 * constraints re-evaluated, one set-based query each, in one read-only REPEATABLE READ
 * transaction (one InnoDB snapshot). Identifiers are double-quoted, so the session runs with
 * ANSI_QUOTES for the duration (its sql_mode is put back afterwards).
 *
 * <p>Not checked: the {@code mysql_type.*} CHECKs the introspector derives from column types (the
 * server's types enforce them), expression and prefix unique indexes, and AUTO_INCREMENT counters
 * (InnoDB moves them past every value written itself). A check whose query fails is reported
 * failed with violations {@code -1} and the error as its last example; the others still run.
 */
public final class MysqlValidator {
    private MysqlValidator() {}

    /**
     * @param expectedRows expected row counts keyed by {@code QualifiedName.toString()}; may be empty
     * @throws IllegalStateException when the connection is inside a transaction
     * @throws ValidationException when the transaction itself cannot be set up
     */
    public static List<CheckResult> validate(Connection connection, SchemaModel schema, Map<String, Long> expectedRows) {
        Objects.requireNonNull(schema, "schema");
        Map<String, Long> expected = new TreeMap<>(expectedRows == null ? Map.of() : expectedRows);
        try {
            boolean autoCommit = connection.getAutoCommit();
            String sqlMode = queryString(connection, "SELECT @@SESSION.sql_mode");
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
                connection.setAutoCommit(false);
                try {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                } catch (SQLException e) {
                    throw new IllegalStateException("validation needs its own transaction: commit or roll back the open one first", e);
                }
                try {
                    return checks(connection, schema, expected);
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                    s.execute("SET SESSION sql_mode = " + Identifiers.literal(sqlMode));
                }
            }
        } catch (SQLException e) {
            throw new ValidationException("could not validate the database: " + e.getMessage(), e);
        }
    }

    private static List<CheckResult> checks(Connection connection, SchemaModel schema, Map<String, Long> expected) throws SQLException {
        return new Checks(connection).all(schema, expected);
    }

    /** Each check as one query on this connection; a failing query fails its check only. */
    private record Checks(Connection connection) implements TableChecks {
        @Override
        public CheckResult rowCount(Table table, long expected) {
            return guarded(ROW_COUNT, table, null, () -> CheckResults.rowCount(table,
                    Long.parseLong(queryString(connection, "SELECT COUNT(*) FROM " + table.name().sql())), expected));
        }

        @Override
        public CheckResult unique(Table table, UniqueKey key) {
            return guarded(UNIQUE, table, key.name(), () -> counted(connection, uniqueSql(table, key), UNIQUE, table, key.name(), key.columns()));
        }

        @Override
        public CheckResult foreignKey(Table table, ForeignKey fk) {
            return guarded(FOREIGN_KEY, table, fk.name(),
                    () -> counted(connection, foreignKeySql(table, fk), FOREIGN_KEY, table, fk.name(), fk.columns()));
        }

        @Override
        public List<CheckResult> notNull(Table table) {
            return MysqlValidator.notNull(connection, table);
        }

        /** Not the {@code mysql_type.*} CHECKs the introspector derives from column types: the column's type enforces them. */
        @Override
        public Optional<CheckResult> check(Table table, CheckConstraint check) {
            if (check.name().startsWith(MysqlIntrospector.TYPE_CHECK_PREFIX)) return Optional.empty();
            return Optional.of(guarded(CHECK, table, check.name(),
                    () -> counted(connection, checkSql(table, check), CHECK, table, check.name(), identifyingColumns(table))));
        }

        /** Not checked: InnoDB moves an AUTO_INCREMENT counter past every value written itself. */
        @Override
        public Optional<CheckResult> sequence(Table table, Column column) {
            return Optional.empty();
        }
    }

    /** Surplus rows of duplicate groups (among rows whose key columns are all non-null), and the first duplicated keys. */
    static String uniqueSql(Table table, UniqueKey key) {
        String inner = CheckSql.duplicateGroups(key, table.name().sql());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) keys.add("g.k" + i);
        return "SELECT SUM(g.n - 1) OVER () AS total, " + asText(keys) + " FROM (" + inner + ") g ORDER BY " + nullsLast(keys)
                + " LIMIT " + MAX_EXAMPLES;
    }

    /** Child rows with every key column set and no parent row (MATCH FULL also counts partly-null keys). */
    static String foreignKeySql(Table table, ForeignKey fk) {
        List<String> child = CheckSql.childColumns(fk);
        String where = CheckSql.orphans(fk, fk.referencedTable().sql());
        return "SELECT SUM(COUNT(*)) OVER () AS total, " + asText(child) + " FROM " + table.name().sql() + " c WHERE " + where
                + " GROUP BY " + String.join(", ", child) + " ORDER BY " + nullsLast(child) + " LIMIT " + MAX_EXAMPLES;
    }

    /** Rows where the CHECK is false (NULL passes, as MySQL enforces it), named by their key. */
    static String checkSql(Table table, CheckConstraint check) {
        List<String> key = identifyingColumns(table).stream().map(Identifiers::quote).toList();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) OVER () AS total");
        if (!key.isEmpty()) sql.append(", ").append(asText(key));
        sql.append(" FROM ").append(table.name().sql()).append(" WHERE NOT (").append(check.expression()).append(")");
        if (!key.isEmpty()) sql.append(" ORDER BY ").append(String.join(", ", key));
        return sql.append(" LIMIT ").append(MAX_EXAMPLES).toString();
    }

    /** All NOT NULL, non-generated columns of a table in one query, one result per column. */
    private static List<CheckResult> notNull(Connection connection, Table table) {
        List<Column> columns = table.columns().stream().filter(c -> !c.nullable() && c.writable()).toList();
        if (columns.isEmpty()) return List.of();
        String sql = "SELECT " + columns.stream().map(c -> "COALESCE(SUM(" + Identifiers.quote(c.name()) + " IS NULL), 0)")
                .collect(Collectors.joining(", ")) + " FROM " + table.name().sql();
        try {
            return CheckResults.notNull(connection, sql, table, columns);
        } catch (SQLException e) {
            return notNullFailed(table, columns, e);
        }
    }

    private static String asText(List<String> expressions) {
        return expressions.stream().map(e -> "CAST(" + e + " AS CHAR)").collect(Collectors.joining(", "));
    }

    /** MySQL sorts NULLs first: {@code x IS NULL, x} puts them last, as PostgreSQL's NULLS LAST does. */
    private static String nullsLast(List<String> expressions) {
        return expressions.stream().map(e -> e + " IS NULL, " + e).collect(Collectors.joining(", "));
    }

    @FunctionalInterface
    private interface Check {
        CheckResult run() throws SQLException;
    }

    /** A failing query fails its check only: MySQL keeps the transaction going after a statement error. */
    private static CheckResult guarded(String name, Table table, String constraint, Check check) {
        try {
            return check.run();
        } catch (SQLException e) {
            return error(name, table.name().toString(), constraint, e);
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
