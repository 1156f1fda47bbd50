package io.seedfleet.core.sink;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.RowHash;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaJson;
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
            // Constraints a run dropped for its load, kept in the target itself so that whoever
            // finishes (or cleans up after) the run can add them back, even after a crash.
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.suspended_constraints (
                      run_id text NOT NULL,
                      table_name text NOT NULL,
                      constraint_name text NOT NULL,
                      definition text NOT NULL,
                      PRIMARY KEY (run_id, table_name, constraint_name))""");
        }
        if (!c.getAutoCommit()) c.commit();
    }

    /** Records a run's schema, as planned, and marks it RUNNING; a second call for the same run changes nothing. */
    public static void registerRun(Connection c, String runId, SchemaModel schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO seedfleet_ledger.runs (run_id, state, schema_model) VALUES (?, 'RUNNING', ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, runId);
            ps.setString(2, SchemaJson.write(schema));
            ps.executeUpdate();
        }
        if (!c.getAutoCommit()) c.commit();
    }

    /** The schema a run was planned on, as {@link #registerRun} recorded it. */
    public static Optional<SchemaModel> recordedSchema(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT schema_model FROM seedfleet_ledger.runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SchemaJson.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Tables of the plan that already hold rows: generating into them would collide or mix datasets. */
    public static List<String> nonEmptyTables(Connection c, GenerationPlan plan) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (QualifiedName t : plan.tablesInLoadOrder()) {
                if (plan.rows(t) == 0) continue;
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + t.sql() + ")")) {
                    if (rs.next() && rs.getBoolean(1)) nonEmpty.add(t.toString());
                }
            }
        }
        return nonEmpty;
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
        long started = System.nanoTime();
        return inTransaction(c, () -> {
            requireRunning(c, runId);
            if (!claim(c, runId, chunk)) return recorded(c, runId, chunk); // an earlier delivery wrote it
            long checksum = chunk.phase() == Chunk.Phase.INSERT ? copyInsert(c, g, chunk) : copyUpdate(c, g, chunk);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE seedfleet_ledger.chunks SET rows_written = ?, checksum = ? WHERE run_id = ? AND table_name = ? AND phase = ? AND row_start = ?")) {
                ps.setLong(1, chunk.rows());
                ps.setLong(2, checksum);
                bindKey(ps, 3, runId, chunk);
                ps.executeUpdate();
            }
            return new ChunkResult(chunk.rows(), checksum, false, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Holds a share lock on the run's row for the chunk's transaction: {@link #undo} waits for it, and it for undo. */
    private static void requireRunning(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM seedfleet_ledger.runs WHERE run_id = ? FOR SHARE")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !"RUNNING".equals(rs.getString(1))) {
                    throw new SQLException("run " + runId + " is " + rs.getString(1) + "; its chunks are no longer written");
                }
            }
        }
    }

    /** Inserts the ledger row; a concurrent or earlier delivery of the same chunk makes this a no-op. */
    private static boolean claim(Connection c, String runId, Chunk chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO seedfleet_ledger.chunks (run_id, table_name, phase, row_start, row_end) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            bindKey(ps, 1, runId, chunk);
            ps.setLong(5, chunk.end());
            return ps.executeUpdate() == 1;
        }
    }

    private static ChunkResult recorded(Connection c, String runId, Chunk chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rows_written, checksum FROM seedfleet_ledger.chunks WHERE run_id = ? AND table_name = ? AND phase = ? AND row_start = ?")) {
            bindKey(ps, 1, runId, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("ledger entry vanished for " + chunk);
                return new ChunkResult(rs.getLong(1), rs.getLong(2), true, 0);
            }
        }
    }

    private static void bindKey(PreparedStatement ps, int first, String runId, Chunk chunk) throws SQLException {
        ps.setString(first, runId);
        ps.setString(first + 1, chunk.table().toString());
        ps.setString(first + 2, chunk.phase().name());
        ps.setLong(first + 3, chunk.start());
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
     * Drops the foreign keys the plan suspends (NOT NULL cycles), recording their definitions in
     * the ledger first, in one transaction.
     */
    public static void suspendForeignKeys(Connection c, String runId, GenerationPlan plan) throws SQLException {
        if (plan.suspended().isEmpty()) return;
        inTransaction(c, () -> {
            for (GenerationPlan.DeferredForeignKey fk : plan.suspended()) {
                String definition;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND conname = ?")) {
                    ps.setString(1, fk.table().sql());
                    ps.setString(2, fk.constraint());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new SQLException("constraint " + fk.constraint() + " not found on " + fk.table());
                        definition = rs.getString(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO seedfleet_ledger.suspended_constraints VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, runId);
                    ps.setString(2, fk.table().sql());
                    ps.setString(3, fk.constraint());
                    ps.setString(4, definition);
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + fk.table().sql() + " DROP CONSTRAINT " + Identifiers.quote(fk.constraint()));
                }
            }
            return null;
        });
    }

    /**
     * The end of a run, in one transaction: suspended constraints added back (PostgreSQL validates
     * every row as it does, from the catalog's own definition text recorded at suspension), sequences
     * moved past the generated keys, and the run marked COMPLETED.
     */
    public static void finish(Connection c, String runId, GenerationPlan plan) throws SQLException {
        inTransaction(c, () -> {
            restoreForeignKeys(c, runId);
            advanceSequences(c, plan);
            setState(c, runId, "COMPLETED");
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
            setState(c, runId, "FAILED");
            truncate(c, plan);
            restoreForeignKeys(c, runId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM seedfleet_ledger.chunks WHERE run_id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void restoreForeignKeys(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT table_name, constraint_name, definition FROM seedfleet_ledger.suspended_constraints WHERE run_id = ? ORDER BY 1, 2");
             PreparedStatement delete = c.prepareStatement("DELETE FROM seedfleet_ledger.suspended_constraints WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery(); Statement s = c.createStatement()) {
                while (rs.next()) {
                    s.execute("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + Identifiers.quote(rs.getString(2)) + " " + rs.getString(3));
                }
            }
            delete.setString(1, runId);
            delete.executeUpdate();
        }
    }

    private static void setState(Connection c, String runId, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE seedfleet_ledger.runs SET state = ? WHERE run_id = ?")) {
            ps.setString(1, state);
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
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
