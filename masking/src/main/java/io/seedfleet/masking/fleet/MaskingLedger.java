package io.seedfleet.masking.fleet;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.PostgresSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The exactly-once bookkeeping of masking chunks, in the same {@code seedfleet_ledger} of the target
 * and by the same protocol as generation's chunk ledger (core's {@code ChunkLedger}, which is not
 * public): the run registered with its schema as RUNNING, and a chunk's rows committed in one
 * transaction with its ledger row, only while the run is RUNNING. A redelivered chunk finds its row
 * and is answered from it; a chunk arriving after the run ended is refused, so nothing lands in a
 * finished or undone copy. Chunks are keyed by table, phase {@code MASK} and the range's number.
 */
public final class MaskingLedger {
    public static final String PHASE = "MASK";

    /** Writes a chunk's rows in the caller's transaction, answering their count and checksum. */
    @FunctionalInterface
    public interface RowWriter {
        io.seedfleet.masking.run.MaskRun.Copied write() throws SQLException;
    }

    /** A chunk's outcome: {@code alreadyWritten} when an earlier delivery wrote it. */
    public record Written(long rows, long checksum, boolean alreadyWritten, long durationMs) {}

    private MaskingLedger() {}

    /** Creates the ledger and records the run (its schema: the source's model) as RUNNING; repeatable. */
    public static void register(Connection target, String runId, SchemaModel model) throws SQLException {
        PostgresSink.prepareLedger(target);
        PostgresSink.registerRun(target, runId, model, Rules.NONE);
    }

    /** The source model the coordinator recorded for the run, as the target's ledger holds it. */
    public static Optional<SchemaModel> recordedSchema(Connection target, String runId) throws SQLException {
        return PostgresSink.recordedSchema(target, runId);
    }

    /**
     * The schema this run recorded in {@code target}, if the target has a ledger that holds the run:
     * what a planning attempt that stopped half way (a coordinator crash) left behind. Empty when the
     * target has no ledger at all.
     */
    public static Optional<SchemaModel> leftOver(Connection target, String runId) throws SQLException {
        try (Statement s = target.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('\"seedfleet_ledger\".\"runs\"') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) return Optional.empty();
        }
        return recordedSchema(target, runId);
    }

    /** Writes chunk {@code chunk} of {@code table} once, in one transaction with its ledger row. */
    public static Written write(Connection target, String runId, String table, int chunk, RowWriter rows) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            requireRunning(target, runId);
            Written result;
            if (!claim(target, runId, table, chunk)) {
                result = recorded(target, runId, table, chunk);
            } else {
                io.seedfleet.masking.run.MaskRun.Copied copied = rows.write();
                try (PreparedStatement ps = target.prepareStatement("UPDATE \"seedfleet_ledger\".\"chunks\" SET \"rows_written\" = ?, \"checksum\" = ?"
                        + " WHERE \"run_id\" = ? AND \"table_name\" = ? AND \"phase\" = ? AND \"row_start\" = ?")) {
                    ps.setLong(1, copied.rows());
                    ps.setLong(2, copied.checksum());
                    bindKey(ps, 3, runId, table, chunk);
                    ps.executeUpdate();
                }
                result = new Written(copied.rows(), copied.checksum(), false, (System.nanoTime() - started) / 1_000_000);
            }
            target.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /**
     * Sets the run's state (COMPLETED, FAILED) in its own transaction. The row lock waits for chunk
     * transactions in flight (they hold a share lock), and no chunk is written after it.
     */
    public static void setState(Connection target, String runId, String state) throws SQLException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try (PreparedStatement ps = target.prepareStatement("UPDATE \"seedfleet_ledger\".\"runs\" SET \"state\" = ? WHERE \"run_id\" = ?")) {
            ps.setString(1, state);
            ps.setString(2, runId);
            ps.executeUpdate();
            target.commit();
        } catch (SQLException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** Drops the ledger: a failed masked copy leaves its target as empty as it found it. */
    public static void drop(Connection target) throws SQLException {
        try (Statement s = target.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + PostgresSink.LEDGER_SCHEMA + "\" CASCADE");
        }
    }

    private static void requireRunning(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"state\" FROM \"seedfleet_ledger\".\"runs\" WHERE \"run_id\" = ? FOR SHARE")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("run " + runId + " is not registered in the target's ledger");
                if (!"RUNNING".equals(rs.getString(1))) {
                    throw new SQLException("run " + runId + " is " + rs.getString(1) + "; its chunks are no longer written");
                }
            }
        }
    }

    /** Inserts the chunk's ledger row; a concurrent delivery of the same chunk waits on it, then finds it. */
    private static boolean claim(Connection c, String runId, String table, int chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"seedfleet_ledger\".\"chunks\" (\"run_id\", \"table_name\", \"phase\", \"row_start\", \"row_end\")"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            bindKey(ps, 1, runId, table, chunk);
            ps.setLong(5, chunk + 1L);
            return ps.executeUpdate() == 1;
        }
    }

    private static Written recorded(Connection c, String runId, String table, int chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"rows_written\", \"checksum\" FROM \"seedfleet_ledger\".\"chunks\""
                + " WHERE \"run_id\" = ? AND \"table_name\" = ? AND \"phase\" = ? AND \"row_start\" = ?")) {
            bindKey(ps, 1, runId, table, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("ledger entry vanished for " + table + " chunk " + chunk);
                return new Written(rs.getLong(1), rs.getLong(2), true, 0);
            }
        }
    }

    private static void bindKey(PreparedStatement ps, int first, String runId, String table, int chunk) throws SQLException {
        ps.setString(first, runId);
        ps.setString(first + 1, table);
        ps.setString(first + 2, PHASE);
        ps.setLong(first + 3, chunk);
    }
}
