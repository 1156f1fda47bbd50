package io.seedfleet.core.sink;

import static io.seedfleet.core.sink.Transactions.inTransaction;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.RowHash;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes chunks into PostgreSQL with {@code COPY ... FROM STDIN}, each in one transaction with its
 * ledger entry ({@code seedfleet_ledger.chunks} in the target), so a redelivered chunk is
 * recognised and never written twice: delivery at least once, effect exactly once.
 */
public final class PostgresSink {
    public static final String LEDGER_SCHEMA = "seedfleet_ledger";
    private static final int FLUSH_BYTES = 256 * 1024;
    /** The target's chunk ledger, also how masking workers write their chunks exactly once. */
    public static final ChunkLedger CHUNK_LEDGER = new ChunkLedger(
            "INSERT INTO seedfleet_ledger.runs (run_id, state, schema_model, rules) VALUES (?, 'RUNNING', ?, ?) ON CONFLICT DO NOTHING",
            "SELECT state FROM seedfleet_ledger.runs WHERE run_id = ? FOR SHARE",
            "INSERT INTO seedfleet_ledger.chunks (run_id, table_name, phase, row_start, row_end) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");

    private PostgresSink() {}

    /** Creates the ledger; run once per run, before any chunk (concurrent CREATE IF NOT EXISTS can race). */
    public static void prepareLedger(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + LEDGER_SCHEMA);
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.chunks (
                      run_id text NOT NULL,
                      table_name text NOT NULL,
                      phase text NOT NULL,
                      row_start bigint NOT NULL,
                      row_end bigint NOT NULL,
                      rows_written bigint,
                      checksum bigint,
                      written_at timestamptz NOT NULL DEFAULT now(),
                      PRIMARY KEY (run_id, table_name, phase, row_start))""");
            // The schema each run was planned on, and its state: workers rebuild the plan from this
            // (not from the live catalog, which a run's suspended constraints change), and a chunk
            // is only written while its run is RUNNING, so nothing lands after a failed run is undone.
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.runs (
                      run_id text PRIMARY KEY,
                      state text NOT NULL,
                      schema_model text NOT NULL,
                      started_at timestamptz NOT NULL DEFAULT now())""");
            // The definition rules a run follows (JSON; NULL without a definition), for workers to replan with.
            s.execute("ALTER TABLE seedfleet_ledger.runs ADD COLUMN IF NOT EXISTS rules text");
            // Constraints a run dropped for its load, kept in the target itself so that whoever
            // finishes (or cleans up after) the run can add them back, even after a crash.
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.suspended_constraints (
                      run_id text NOT NULL,
                      table_name text NOT NULL,
                      constraint_name text NOT NULL,
                      definition text NOT NULL,
                      PRIMARY KEY (run_id, table_name, constraint_name))""");
            // What else a run set aside: a trigger it disabled for the load (re-enabled like a constraint is re-added).
            s.execute("ALTER TABLE seedfleet_ledger.suspended_constraints ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'constraint'");
        }
        if (!c.getAutoCommit()) c.commit();
    }

    /** Records a run's schema, as planned, and marks it RUNNING; a second call for the same run changes nothing. */
    public static void registerRun(Connection c, String runId, SchemaModel schema, Rules rules) throws SQLException {
        CHUNK_LEDGER.registerRun(c, runId, schema, rules);
    }

    /** The definition rules a run was planned with. */
    public static Rules recordedRules(Connection c, String runId) throws SQLException {
        return CHUNK_LEDGER.recordedRules(c, runId);
    }

    /** The schema a run was planned on, as {@link #registerRun} recorded it. */
    public static Optional<SchemaModel> recordedSchema(Connection c, String runId) throws SQLException {
        return CHUNK_LEDGER.recordedSchema(c, runId);
    }

    /** Tables of the plan that already hold rows: generating into them would collide or mix datasets. */
    public static List<String> nonEmptyTables(Connection c, GenerationPlan plan) throws SQLException {
        return TargetTables.nonEmpty(c, plan);
    }

    /** Empties the plan's tables (and, through CASCADE, anything referencing them) in one statement. */
    public static void truncate(Connection c, GenerationPlan plan) throws SQLException {
        String tables = plan.tablesInLoadOrder().stream().map(QualifiedName::sql).collect(Collectors.joining(", "));
        if (tables.isEmpty()) return;
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + tables + " RESTART IDENTITY CASCADE");
        }
    }

    public static ChunkResult write(Connection c, String runId, TableGenerator g, Chunk chunk) throws SQLException {
        return CHUNK_LEDGER.write(c, runId, chunk,
                () -> chunk.phase() == Chunk.Phase.INSERT ? copyInsert(c, g, chunk) : copyUpdate(c, g, chunk));
    }

    private static long copyInsert(Connection c, TableGenerator g, Chunk chunk) throws SQLException {
        String sql = "COPY " + g.table().name().sql() + " (" + Identifiers.quoteAll(g.insertColumns()) + ") FROM STDIN";
        return copy(c, sql, g, chunk, false);
    }

    /** Deferred foreign keys: COPY the computed values into a temporary table, then one set-based UPDATE. */
    private static long copyUpdate(Connection c, TableGenerator g, Chunk chunk) throws SQLException {
        Table t = g.table();
        List<String> columns = new ArrayList<>(g.keyColumns());
        columns.addAll(g.deferredColumns());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS seedfleet_update ON COMMIT DROP AS SELECT "
                    + Identifiers.quoteAll(columns) + " FROM " + t.name().sql() + " WITH NO DATA");
        }
        long checksum = copy(c, "COPY seedfleet_update FROM STDIN", g, chunk, true);
        String set = g.deferredColumns().stream().map(col -> Identifiers.quote(col) + " = u." + Identifiers.quote(col)).collect(Collectors.joining(", "));
        String on = g.keyColumns().stream().map(col -> "t." + Identifiers.quote(col) + " = u." + Identifiers.quote(col)).collect(Collectors.joining(" AND "));
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + t.name().sql() + " AS t SET " + set + " FROM seedfleet_update AS u WHERE " + on);
            s.execute("DROP TABLE seedfleet_update");
        }
        return checksum;
    }

    private static long copy(Connection c, String sql, TableGenerator g, Chunk chunk, boolean update) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        CopyTextWriter out = new CopyTextWriter(FLUSH_BYTES + 4096);
        long checksum = 0;
        try {
            for (long row = chunk.start(); row < chunk.end(); row++) {
                int mark = out.length();
                if (update) g.writeUpdateRow(row, out);
                else g.writeInsertRow(row, out);
                checksum += RowHash.of(out.buffer(), mark, out.length());
                if (out.length() >= FLUSH_BYTES) {
                    in.writeToCopy(out.buffer(), 0, out.length());
                    out.reset();
                }
            }
            if (out.length() > 0) in.writeToCopy(out.buffer(), 0, out.length());
            in.endCopy();
            return checksum;
        } finally {
            if (in.isActive()) in.cancelCopy();
        }
    }

    /**
     * Sets aside what would make the load check keys row by row (see {@link PostgresLoadKeys}),
     * recording each object's definition in the ledger before dropping it, in one transaction, so
     * that {@link #finish} or {@link #undo} puts everything back even after a crash.
     */
    public static void setAsideForLoad(Connection c, String runId, GenerationPlan plan) throws SQLException {
        inTransaction(c, () -> {
            for (PostgresLoadKeys.Item item : PostgresLoadKeys.of(c, plan)) {
                setAside(c, runId, item.kind(), item.table(), item.name(), item.definition());
                try (Statement s = c.createStatement()) {
                    s.execute(item.drop());
                }
            }
            return null;
        });
    }

    /** Records what a run sets aside, once; {@link #restore} puts it back. */
    private static void setAside(Connection c, String runId, PostgresLoadKeys.Kind kind, String table, String name, String definition)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO seedfleet_ledger.suspended_constraints (run_id, table_name, constraint_name, definition, kind)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, runId);
            ps.setString(2, table);
            ps.setString(3, name);
            ps.setString(4, definition);
            ps.setString(5, kind.ledgerName);
            ps.executeUpdate();
        }
    }

    /**
     * Disables the enabled user triggers of the plan's tables for the load, recording each in the
     * ledger first so that finishing or undoing the run enables them again, even after a crash.
     * Needs a role that owns the tables; refused with the table named otherwise.
     */
    public static void disableTriggers(Connection c, String runId, GenerationPlan plan) throws SQLException {
        List<SchemaModel.Trigger> enabled = plan.schema().triggers().stream()
                .filter(t -> t.enabled() && plan.rowCounts().containsKey(t.table())).toList();
        if (enabled.isEmpty()) return;
        inTransaction(c, () -> {
            for (SchemaModel.Trigger trigger : enabled) {
                setAside(c, runId, PostgresLoadKeys.Kind.TRIGGER, trigger.table().sql(), trigger.name(), "");
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + trigger.table().sql() + " DISABLE TRIGGER " + Identifiers.quote(trigger.name()));
                } catch (SQLException e) {
                    throw new SQLException("cannot disable trigger " + trigger.name() + " on " + trigger.table() + " (" + e.getMessage()
                            + "); load as the table's owner, or without disabling triggers", e.getSQLState(), e);
                }
            }
            return null;
        });
    }

    /**
     * The end of a run, in one transaction: keys, indexes and foreign keys added back (PostgreSQL
     * validates every row as it does, from the catalog's own definition text recorded when they were
     * set aside), triggers enabled again, sequences
     * moved past the generated keys, and the run marked COMPLETED.
     */
    public static void finish(Connection c, String runId, GenerationPlan plan) throws SQLException {
        inTransaction(c, () -> {
            restore(c, runId);
            advanceSequences(c, plan);
            CHUNK_LEDGER.setState(c, runId, "COMPLETED");
            return null;
        });
    }

    /**
     * Undoes a failed run, in one transaction: the run is marked FAILED first (waiting for chunks in
     * flight, and stopping any later delivery from writing), then its tables, empty when it started,
     * are emptied again, its suspended constraints go back and its ledger entries are removed. The
     * target is left as the run found it rather than half written.
     */
    public static void undo(Connection c, String runId, GenerationPlan plan) throws SQLException {
        inTransaction(c, () -> {
            CHUNK_LEDGER.setState(c, runId, "FAILED");
            truncate(c, plan);
            restore(c, runId);
            CHUNK_LEDGER.forgetChunks(c, runId);
            return null;
        });
    }

    /** Puts back what the run set aside, in {@link PostgresLoadKeys.Kind} order, PostgreSQL checking every row. */
    private static void restore(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT table_name, constraint_name, definition, kind"
                + " FROM seedfleet_ledger.suspended_constraints WHERE run_id = ? ORDER BY " + PostgresLoadKeys.Kind.restoreOrder() + ", 1, 2");
             PreparedStatement delete = c.prepareStatement("DELETE FROM seedfleet_ledger.suspended_constraints WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery(); Statement s = c.createStatement()) {
                while (rs.next()) {
                    s.execute(PostgresLoadKeys.restoreStatement(PostgresLoadKeys.Kind.of(rs.getString(4)), rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            delete.setString(1, runId);
            delete.executeUpdate();
        }
    }

    /** Moves every identity and serial sequence past the largest generated value. */
    public static void advanceSequences(Connection c, GenerationPlan plan) throws SQLException {
        for (Table t : plan.schema().tables()) {
            for (Column col : t.columns()) {
                if (col.sequence() == null || !col.type().kind().isInteger()) continue;
                String max = "(SELECT max(" + Identifiers.quote(col.name()) + ") FROM " + t.name().sql() + ")";
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, COALESCE(" + max + ", 1), " + max + " IS NOT NULL)")) {
                    ps.setString(1, col.sequence().sql());
                    ps.executeQuery().close();
                }
            }
        }
    }
}
