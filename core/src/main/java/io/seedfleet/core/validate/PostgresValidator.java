package io.seedfleet.core.validate;

import static io.seedfleet.core.validate.CheckResults.columnNote;
import static io.seedfleet.core.validate.CheckResults.counted;
import static io.seedfleet.core.validate.CheckResults.error;
import static io.seedfleet.core.validate.CheckResults.identifyingColumns;
import static io.seedfleet.core.validate.CheckResults.notNullFailed;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.CatalogSnapshot;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a loaded PostgreSQL database against the {@link SchemaModel} it was generated for, with one
 * set-based SQL query per check, all inside one READ ONLY, REPEATABLE READ transaction (one snapshot).
 *
 * <p>Checks, each with a stable {@link CheckResult#name()}:
 * <ul>
 *   <li>{@value #ROW_COUNT}: per table in {@code expectedRows}; violations = |actual - expected|. A table
 *       that is not in the schema fails with violations = expected.</li>
 *   <li>{@value #UNIQUE}: per unique key over plain columns (primary key, unique constraint, unique
 *       index, also partial unique indexes, evaluated over the rows matching their predicate);
 *       violations = surplus rows in duplicate groups among rows whose key columns are all non-null
 *       (NULLs compare equal for NULLS NOT DISTINCT keys). Expression indexes are skipped.</li>
 *   <li>{@value #FOREIGN_KEY}: per foreign key; violations = child rows with all FK columns non-null
 *       and no parent row (MATCH FULL also counts rows with some, but not all, FK columns NULL).</li>
 *   <li>{@value #NOT_NULL}: per NOT NULL, non-generated column; one query per table for all its
 *       columns. The constraint is null; the first (only) example is {@code column=<name>}.</li>
 * </ul>
 * Failing unique and foreign-key checks carry up to {@value #MAX_EXAMPLES} distinct example keys,
 * rendered like {@code (org_id=5, user_id=7)}: only the key / FK columns, never other columns.
 *
 * <p>Order: the schema's tables by name, per table row-count, unique (by key name), foreign-key (by
 * name), not-null (by column order); then row-count checks of tables not in the schema, by name.
 *
 * <p>A check whose query fails (say, the table is missing) is reported as failed with violations
 * {@code -1} and the error message as its last example; the other checks still run.
 */
public final class PostgresValidator {
    public static final String ROW_COUNT = "row-count";
    public static final String UNIQUE = "unique";
    public static final String FOREIGN_KEY = "foreign-key";
    public static final String NOT_NULL = "not-null";
    public static final String CHECK = "check";
    public static final String SEQUENCE = "sequence";
    public static final int MAX_EXAMPLES = 3;

    private PostgresValidator() {}

    /**
     * Runs all checks in a read-only transaction of its own, so {@code connection} must not be inside
     * a transaction; its autocommit setting is restored afterwards.
     *
     * @param expectedRows expected row counts keyed by {@code QualifiedName.toString()}; may be empty
     * @throws IllegalStateException when the connection is inside a transaction
     * @throws ValidationException when the transaction itself cannot be set up
     */
    /**
     * Checks another part of Seedfleet contributes to a verdict, run in the same read-only snapshot
     * after the built-in ones: the masking issue's leak check and privacy report go here.
     */
    @FunctionalInterface
    public interface ExtraChecks {
        List<CheckResult> run(Connection connection, SchemaModel schema) throws SQLException;
    }

    public static List<CheckResult> validate(Connection connection, SchemaModel schema, Map<String, Long> expectedRows) {
        return validate(connection, schema, expectedRows, List.of());
    }

    /** As {@link #validate(Connection, SchemaModel, Map)}, with {@code extra} checks after the built-in ones. */
    public static List<CheckResult> validate(Connection connection, SchemaModel schema, Map<String, Long> expectedRows,
                                             List<ExtraChecks> extra) {
        Objects.requireNonNull(schema, "schema");
        Map<String, Long> expected = new TreeMap<>(expectedRows == null ? Map.of() : expectedRows);
        try {
            return CatalogSnapshot.read(connection, "validation", () -> {
                List<CheckResult> results = new ArrayList<>(run(connection, schema, expected));
                for (ExtraChecks checks : extra) results.addAll(checks.run(connection, schema));
                return List.copyOf(results);
            });
        } catch (SQLException e) {
            throw new ValidationException("could not validate the database: " + e.getMessage(), e);
        }
    }

    private static List<CheckResult> run(Connection connection, SchemaModel schema, Map<String, Long> expected) throws SQLException {
        Set<QualifiedName> partitioned = partitionedTables(connection);
        // Keys of a table cover that table only, not legacy inheritance children (sakila's payment_p2007_*),
        // so read plain tables with ONLY; a partitioned table's rows live in its partitions.
        Function<QualifiedName, String> from = t -> partitioned.contains(t) ? t.sql() : "ONLY " + t.sql();
        FROM.set(from);
        try {
            return checks(connection, schema, expected);
        } finally {
            FROM.remove();
        }
    }

    /** How to name a table in FROM for the checks running on this thread. */
    private static final ThreadLocal<Function<QualifiedName, String>> FROM = new ThreadLocal<>();

    private static String from(QualifiedName table) {
        return FROM.get().apply(table);
    }

    private static Set<QualifiedName> partitionedTables(Connection connection) throws SQLException {
        Set<QualifiedName> out = new HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'p'")) {
            while (rs.next()) out.add(new QualifiedName(rs.getString(1), rs.getString(2)));
        }
        return out;
    }

    private static List<CheckResult> checks(Connection connection, SchemaModel schema, Map<String, Long> expected) throws SQLException {
        return new TableChecks() {
            @Override
            public CheckResult rowCount(Table table, long rows) throws SQLException {
                return PostgresValidator.rowCount(connection, table, rows);
            }

            @Override
            public CheckResult unique(Table table, UniqueKey key) throws SQLException {
                return PostgresValidator.unique(connection, table, key);
            }

            @Override
            public CheckResult foreignKey(Table table, ForeignKey fk) throws SQLException {
                return PostgresValidator.foreignKey(connection, table, fk);
            }

            @Override
            public List<CheckResult> notNull(Table table) throws SQLException {
                return PostgresValidator.notNull(connection, table);
            }

            @Override
            public Optional<CheckResult> check(Table table, CheckConstraint check) throws SQLException {
                return Optional.of(PostgresValidator.check(connection, table, check));
            }

            @Override
            public Optional<CheckResult> sequence(Table table, Column column) throws SQLException {
                return Optional.of(PostgresValidator.sequence(connection, table, column));
            }
        }.all(schema, expected);
    }

    // --- the checks ---------------------------------------------------------------------------------

    private static CheckResult rowCount(Connection connection, Table table, long expected) throws SQLException {
        String sql = "SELECT count(*) FROM " + from(table.name());
        return guarded(connection, ROW_COUNT, table, null, () -> CheckResults.rowCount(table, queryLong(connection, sql), expected));
    }

    /** Surplus rows of duplicate groups, and the first duplicated keys, in one query. */
    static String uniqueSql(Table table, UniqueKey key) {
        int n = key.columns().size();
        return "SELECT sum(g.n - 1) OVER () AS total, " + keyOutputs("g", n)
                + " FROM (" + CheckSql.duplicateGroups(key, from(table.name())) + ") g ORDER BY " + keyOrder("g", n) + " LIMIT " + MAX_EXAMPLES;
    }

    private static CheckResult unique(Connection connection, Table table, UniqueKey key) throws SQLException {
        String sql = uniqueSql(table, key);
        return guarded(connection, UNIQUE, table, key.name(), () -> counted(connection, sql, UNIQUE, table, key.name(), key.columns()));
    }

    /** Orphan child rows, grouped by FK value for distinct examples, in one query. */
    static String foreignKeySql(Table table, ForeignKey fk) {
        List<String> child = CheckSql.childColumns(fk);
        String where = CheckSql.orphans(fk, from(fk.referencedTable()));
        StringBuilder sql = new StringBuilder("SELECT sum(count(*)) OVER () AS total");
        for (int i = 0; i < child.size(); i++) sql.append(", ").append(child.get(i)).append("::text");
        sql.append(" FROM ").append(from(table.name())).append(" c WHERE ").append(where)
                .append(" GROUP BY ").append(String.join(", ", child))
                .append(" ORDER BY ").append(child.stream().map(c -> c + " NULLS LAST").collect(Collectors.joining(", ")))
                .append(" LIMIT ").append(MAX_EXAMPLES);
        return sql.toString();
    }

    private static CheckResult foreignKey(Connection connection, Table table, ForeignKey fk) throws SQLException {
        String sql = foreignKeySql(table, fk);
        return guarded(connection, FOREIGN_KEY, table, fk.name(), () -> counted(connection, sql, FOREIGN_KEY, table, fk.name(), fk.columns()));
    }

    /** All NOT NULL columns of a table in one query, one result per column. */
    private static List<CheckResult> notNull(Connection connection, Table table) throws SQLException {
        List<Column> columns = table.columns().stream().filter(c -> !c.nullable() && c.writable()).toList();
        if (columns.isEmpty()) return List.of();
        String sql = "SELECT " + columns.stream()
                .map(c -> "count(*) FILTER (WHERE " + Identifiers.quote(c.name()) + " IS NULL)")
                .collect(Collectors.joining(", ")) + " FROM " + from(table.name());
        Savepoint savepoint = connection.setSavepoint();
        try {
            List<CheckResult> results = CheckResults.notNull(connection, sql, table, columns);
            connection.releaseSavepoint(savepoint);
            return results;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return notNullFailed(table, columns, e);
        }
    }

    /**
     * Rows where a CHECK (or a domain's CHECK) is false, as PostgreSQL evaluates it; constraints
     * added NOT VALID, or data loaded with triggers off, can hold such rows. Examples name the rows
     * by their primary key.
     */
    static String checkSql(Table table, CheckConstraint check) {
        List<String> key = identifyingColumns(table).stream().map(Identifiers::quote).toList();
        StringBuilder sql = new StringBuilder("SELECT count(*) OVER () AS total");
        key.forEach(k -> sql.append(", ").append(k).append("::text"));
        sql.append(" FROM ").append(from(table.name())).append(" WHERE NOT (").append(check.expression()).append(")");
        if (!key.isEmpty()) sql.append(" ORDER BY ").append(String.join(", ", key));
        return sql.append(" LIMIT ").append(MAX_EXAMPLES).toString();
    }

    private static CheckResult check(Connection connection, Table table, CheckConstraint check) throws SQLException {
        String sql = checkSql(table, check);
        return guarded(connection, CHECK, table, check.name(),
                () -> counted(connection, sql, CHECK, table, check.name(), identifyingColumns(table)));
    }

    /**
     * An identity or serial sequence behind its column's largest value hands the application's next
     * insert a key that exists: violations are the values it would collide on.
     */
    private static CheckResult sequence(Connection connection, Table table, Column column) throws SQLException {
        String sql = "SELECT (SELECT max(" + Identifiers.quote(column.name()) + ") FROM " + from(table.name()) + ")"
                + " - CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END FROM " + column.sequence().sql() + " s";
        return guarded(connection, SEQUENCE, table, column.sequence().toString(), () -> {
            long behind = Math.max(0, queryLong(connection, sql));
            return new CheckResult(SEQUENCE, table.name().toString(), column.sequence().toString(), behind == 0, behind,
                    List.of(columnNote(column)));
        });
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static String keyOutputs(String alias, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(alias).append(".k").append(i).append("::text");
        return sb.toString();
    }

    private static String keyOrder(String alias, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(alias).append(".k").append(i).append(" NULLS LAST");
        return sb.toString();
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one check under a savepoint, so that a failing query fails that check only. */
    private static CheckResult guarded(Connection connection, String name, Table table, String constraint,
                                       CatalogSnapshot.SqlWork<CheckResult> check) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            CheckResult result = check.run();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return error(name, table.name().toString(), constraint, e);
        }
    }
}
