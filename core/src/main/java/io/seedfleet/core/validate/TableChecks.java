package io.seedfleet.core.validate;

import static io.seedfleet.core.validate.CheckResults.notInSchema;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One database's way of running each kind of check; {@link #all} runs them in the order every
 * validator reports: the schema's tables in order, per table its row count, unique keys over plain
 * columns, foreign keys, not-null columns, CHECKs and sequences; then the row counts of expected
 * tables the schema does not have, by name.
 */
interface TableChecks {
    CheckResult rowCount(Table table, long expected) throws SQLException;

    CheckResult unique(Table table, UniqueKey key) throws SQLException;

    CheckResult foreignKey(Table table, ForeignKey fk) throws SQLException;

    /** One result per NOT NULL, non-generated column. */
    List<CheckResult> notNull(Table table) throws SQLException;

    /** Empty where the database enforces the constraint by other means. */
    Optional<CheckResult> check(Table table, CheckConstraint check) throws SQLException;

    /** For an integer column fed by a sequence; empty where the database keeps its counter past every value itself. */
    Optional<CheckResult> sequence(Table table, Column column) throws SQLException;

    /** @param expected expected row counts keyed by {@code QualifiedName.toString()}, sorted by name */
    default List<CheckResult> all(SchemaModel schema, Map<String, Long> expected) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Table table : schema.tables()) {
            String tableName = table.name().toString();
            seen.add(tableName);
            Long rows = expected.get(tableName);
            if (rows != null) results.add(rowCount(table, rows));
            for (UniqueKey key : table.uniqueKeys()) {
                if (!key.expressions().isEmpty() || key.columns().isEmpty()) continue; // expression indexes: skipped
                results.add(unique(table, key));
            }
            for (ForeignKey fk : table.foreignKeys()) results.add(foreignKey(table, fk));
            results.addAll(notNull(table));
            for (CheckConstraint check : table.checks()) check(table, check).ifPresent(results::add);
            for (Column column : table.columns()) {
                if (column.sequence() != null && column.type().kind().isInteger()) sequence(table, column).ifPresent(results::add);
            }
        }
        results.addAll(notInSchema(expected, seen));
        return List.copyOf(results);
    }
}
