package io.seedfleet.masking.fleet;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.ChunkLedger;
import io.seedfleet.core.sink.ChunkResult;
import io.seedfleet.core.sink.PostgresSink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The exactly-once bookkeeping of masking chunks: generation's chunk ledger (core's {@link ChunkLedger},
 * in the same {@code seedfleet_ledger} of the target) used for masking. The run is registered with its
 * schema as RUNNING, and a chunk's rows are committed in one transaction with its ledger row, only while
 * the run is RUNNING. A redelivered chunk finds its row and is answered from it; a chunk arriving after
 * the run ended, or for a run the ledger does not hold, is refused, so nothing lands in a finished or
 * undone copy. Chunks are keyed by table, phase {@code MASK} and the range's number.
 */
public final class MaskingLedger {
    public static final String PHASE = "MASK";
    private static final ChunkLedger LEDGER = PostgresSink.CHUNK_LEDGER;

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
    public static ChunkResult write(Connection target, String runId, String table, int chunk, ChunkLedger.ChunkWriter rows) throws SQLException {
        return LEDGER.write(target, runId, new ChunkLedger.Key(table, PHASE, chunk, chunk + 1L), true, rows);
    }

    /**
     * Sets the run's state (COMPLETED, FAILED) in its own transaction. The row lock waits for chunk
     * transactions in flight (they hold a share lock), and no chunk is written after it.
     */
    public static void setState(Connection target, String runId, String state) throws SQLException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            LEDGER.setState(target, runId, state);
            target.commit();
        } catch (SQLException | RuntimeException e) {
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
}
