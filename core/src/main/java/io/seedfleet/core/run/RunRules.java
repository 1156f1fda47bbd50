package io.seedfleet.core.run;

import io.seedfleet.core.definition.DefinitionChecker;
import io.seedfleet.core.definition.DefinitionDocument;
import io.seedfleet.core.definition.DefinitionReader;
import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A data definition made into the rules a run follows, the same way for the CLI and the
 * coordinator: read, checked against the target's schema (every problem with its line), resolved for
 * the scenario, and its {@code sample} rules answered from the target. Also runs a definition's
 * validations once the data is loaded.
 */
public final class RunRules {
    /** A sample rule's query feeds choices; more distinct values than this say nothing more. */
    private static final int MAX_SAMPLED_VALUES = 10_000;

    private RunRules() {}

    /**
     * @param source where the definition came from (a file name, or "request"), for messages
     * @param yaml the definition's text: one YAML (or JSON) document
     */
    public static Rules of(String source, String yaml, String scenario, SchemaModel schema, Connection target) {
        if (yaml == null) {
            if (scenario != null) throw new IllegalArgumentException("a scenario (" + scenario + ") needs a definition that declares it");
            return Rules.NONE;
        }
        List<DefinitionDocument> documents = DefinitionReader.readDocuments(source, yaml);
        if (documents.size() != 1) {
            throw new SourceException(source, 0, "definition", "holds " + documents.size() + " definitions; a run follows exactly one");
        }
        DefinitionChecker.requireValid(documents.get(0), schema);
        return Rules.resolve(documents.get(0).definition(), scenario, schema).resolveSamples(sql -> sample(target, sql));
    }

    /** The distinct values a sample query returns, as text, read in a read-only transaction. */
    private static List<String> sample(Connection target, String sql) {
        try {
            return readOnly(target, () -> {
                List<String> values = new ArrayList<>();
                try (Statement s = target.createStatement()) {
                    s.setMaxRows(MAX_SAMPLED_VALUES);
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) if (rs.getString(1) != null) values.add(rs.getString(1));
                    }
                }
                return values.stream().distinct().toList();
            });
        } catch (SQLException e) {
            throw new IllegalArgumentException("the sample query \"" + sql + "\" failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Work in a read-only transaction of its own (PostgreSQL and MySQL alike), rolled back at the end. */
    private static <T> T readOnly(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        boolean readOnly = c.isReadOnly();
        c.setAutoCommit(false);
        c.setReadOnly(true);
        try {
            return work.run();
        } finally {
            try {
                c.rollback();
            } finally {
                c.setReadOnly(readOnly);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * The definition's validations, each a query that must find nothing: zero rows, or one row
     * holding 0 (a {@code SELECT count(*)}). Read-only; a failing query is a failed check, not an error.
     */
    public static List<CheckResult> validate(Connection target, Rules rules) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        for (var validation : rules.validations()) {
            results.add(readOnly(target, () -> {
                try (Statement s = target.createStatement()) {
                    s.setMaxRows(6);
                    try (ResultSet rs = s.executeQuery(validation.sql())) {
                        long found = 0;
                        boolean countOfZero = false;
                        while (rs.next()) {
                            found++;
                            countOfZero = found == 1 && rs.getMetaData().getColumnCount() == 1 && "0".equals(rs.getString(1));
                        }
                        boolean passed = found == 0 || (found == 1 && countOfZero);
                        return new CheckResult("validation", "definition", validation.name(), passed, passed ? 0 : found,
                                passed ? List.of() : List.of(found + (found > 5 ? " or more" : "") + " rows found by: " + validation.sql()));
                    }
                } catch (SQLException e) {
                    return new CheckResult("validation", "definition", validation.name(), false, 0, List.of("the query failed: " + e.getMessage()));
                }
            }));
        }
        return results;
    }
}
