package io.seedfleet.core.sink;

import static io.seedfleet.core.sink.Transactions.inTransaction;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.definition.RulesJson;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.schema.SchemaJson;
import io.seedfleet.core.schema.SchemaModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The exactly-once bookkeeping both sinks keep in the target's {@code seedfleet_ledger}: a row per
 * run (its planned schema and its state) and a row per chunk written. A chunk's rows go in one
 * transaction with its ledger row, and only while its run is RUNNING, so a redelivered chunk is
 * recognised and answered from the ledger: delivery at least once, effect exactly once.
 *
 * <p>The statements are the same on PostgreSQL and MySQL but for the three each dialect spells its
 * own way, which the sink passes in. Masking workers keep their chunks in the same ledger by the same
 * protocol, through {@link PostgresSink#CHUNK_LEDGER} and {@link #write(Connection, String, Key, boolean, ChunkWriter)}.
 *
 * @param registerRunSql inserts {@code (run_id, schema_model, rules)} as RUNNING unless the run is there already
 * @param lockRunSql selects {@code state} of run {@code run_id} under a shared row lock held to the end of the transaction
 * @param claimSql inserts {@code (run_id, table_name, phase, row_start, row_end)} unless that chunk is there already
 */
public record ChunkLedger(String registerRunSql, String lockRunSql, String claimSql) {

    /** What a chunk's transaction writes besides its ledger row: the chunk's rows, answering with their checksum. */
    @FunctionalInterface
    interface RowWriter {
        long write() throws SQLException;
    }

    /** A chunk's entry in the ledger: its table, phase and first row (the key), and the end of its range. */
    public record Key(String table, String phase, long start, long end) {
        static Key of(Chunk chunk) {
            return new Key(chunk.table().toString(), chunk.phase().name(), chunk.start(), chunk.end());
        }
    }

    /** What a chunk's rows came to, as recorded in its ledger row. */
    public record Written(long rows, long checksum) {}

    /** Writes a chunk's rows in the caller's transaction (the ledger's), answering their count and checksum. */
    @FunctionalInterface
    public interface ChunkWriter {
        Written write() throws SQLException;
    }

    /**
     * Records a run's schema and definition rules, as planned, and marks it RUNNING; a second call
     * for the same run changes nothing.
     */
    void registerRun(Connection c, String runId, SchemaModel schema, Rules rules) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(registerRunSql)) {
            ps.setString(1, runId);
            ps.setString(2, SchemaJson.write(schema));
            ps.setString(3, RulesJson.write(rules));
            ps.executeUpdate();
        }
        if (!c.getAutoCommit()) c.commit();
    }

    /** The schema a run was planned on, as {@link #registerRun} recorded it. */
    Optional<SchemaModel> recordedSchema(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT schema_model FROM seedfleet_ledger.runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SchemaJson.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The definition rules a run was planned with ({@link Rules#NONE} when it had none). */
    Rules recordedRules(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rules FROM seedfleet_ledger.runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? RulesJson.read(rs.getString(1)) : Rules.NONE;
            }
        }
    }

    /**
     * Writes one chunk in one transaction with its ledger row: refused unless the run is RUNNING,
     * answered from the ledger when an earlier delivery wrote it, otherwise {@code rows} written and
     * their count (the chunk's planned rows) and checksum recorded.
     */
    ChunkResult write(Connection c, String runId, Chunk chunk, RowWriter rows) throws SQLException {
        // Generation writes a chunk of a run no one registered (a sink used on its own), so an absent run row is no refusal.
        return write(c, runId, Key.of(chunk), false, () -> new Written(chunk.rows(), rows.write()));
    }

    /**
     * Writes one chunk in one transaction with its ledger row: refused unless the run is RUNNING (or,
     * with {@code registeredOnly}, when the ledger does not hold the run at all), answered from the
     * ledger when an earlier delivery wrote it, otherwise {@code rows} written and what they came to recorded.
     */
    public ChunkResult write(Connection c, String runId, Key key, boolean registeredOnly, ChunkWriter rows) throws SQLException {
        long started = System.nanoTime();
        return inTransaction(c, () -> {
            requireRunning(c, runId, registeredOnly);
            if (!claim(c, runId, key)) return recorded(c, runId, key); // an earlier delivery wrote it
            Written written = rows.write();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE seedfleet_ledger.chunks SET rows_written = ?, checksum = ? WHERE run_id = ? AND table_name = ? AND phase = ? AND row_start = ?")) {
                ps.setLong(1, written.rows());
                ps.setLong(2, written.checksum());
                bindKey(ps, 3, runId, key);
                ps.executeUpdate();
            }
            return new ChunkResult(written.rows(), written.checksum(), false, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Sets a run's state (RUNNING, COMPLETED, FAILED), in the caller's transaction. */
    public void setState(Connection c, String runId, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE seedfleet_ledger.runs SET state = ? WHERE run_id = ?")) {
            ps.setString(1, state);
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** Removes a run's chunk entries, in the caller's transaction: an undone run's chunks count as never written. */
    void forgetChunks(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM seedfleet_ledger.chunks WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    /** Holds a share lock on the run's row for the chunk's transaction: undo waits for it, and it for undo. */
    private void requireRunning(Connection c, String runId, boolean registeredOnly) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(lockRunSql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (registeredOnly) throw new SQLException("run " + runId + " is not registered in the target's ledger");
                } else if (!"RUNNING".equals(rs.getString(1))) {
                    throw new SQLException("run " + runId + " is " + rs.getString(1) + "; its chunks are no longer written");
                }
            }
        }
    }

    /**
     * Inserts the chunk's ledger row; an earlier delivery of the same chunk makes this a no-op, and a
     * concurrent one waits on the row's lock until the first commits (then a no-op) or rolls back.
     */
    private boolean claim(Connection c, String runId, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(claimSql)) {
            bindKey(ps, 1, runId, key);
            ps.setLong(5, key.end());
            return ps.executeUpdate() == 1;
        }
    }

    private static ChunkResult recorded(Connection c, String runId, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rows_written, checksum FROM seedfleet_ledger.chunks WHERE run_id = ? AND table_name = ? AND phase = ? AND row_start = ?")) {
            bindKey(ps, 1, runId, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("ledger entry vanished for " + key);
                return new ChunkResult(rs.getLong(1), rs.getLong(2), true, 0);
            }
        }
    }

    private static void bindKey(PreparedStatement ps, int first, String runId, Key key) throws SQLException {
        ps.setString(first, runId);
        ps.setString(first + 1, key.table());
        ps.setString(first + 2, key.phase());
        ps.setLong(first + 3, key.start());
    }
}
