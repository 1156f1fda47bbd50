package io.seedfleet.coordinator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.seedfleet.coordinator.run.RunState;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.MaskingRequested;
import io.seedfleet.core.event.MaskingWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Run state in the coordinator's own schema {@code seedfleet}, with plain JDBC. Methods that take a
 * {@link Connection} run inside the caller's transaction (see {@link #inTransaction}); the others
 * read on their own connection.
 *
 * <p>The stored request and chunk work hold the target's password when the requester gave one
 * inline: the coordinator needs it to re-emit work after a restart. It is never logged or returned
 * by the API.
 *
 * <p>Changes are stamped with {@code clock_timestamp()}, not {@code now()}: a run's transaction can
 * last seconds (planning reads the target's schema) and {@code now()} is the moment it began.
 */
@ApplicationScoped
public class RunStore {

    /** A unit of work on one connection, committed as a whole. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A finished chunk, for the run's per-table totals. */
    public record DoneChunk(String table, String phase, long rows, String checksum) {}

    private static final TypeReference<Map<String, Long>> ROW_COUNTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> PROBLEMS = new TypeReference<>() {};
    private static final String RUN_COLUMNS =
            "run_id, state, seed, request, row_counts, fingerprint, stage_count, current_stage, error, problems, created_at, updated_at, kind";

    private final AgroalDataSource dataSource;

    RunStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Before the messaging connectors start consuming (they start at priority LIBRARY_BEFORE), the tables must exist. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        createSchema();
    }

    /** Creates the schema if needed; the advisory lock keeps two coordinators starting together from racing on it. */
    private void createSchema() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('seedfleet.schema'))");
                s.execute("CREATE SCHEMA IF NOT EXISTS seedfleet");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS seedfleet.runs (
                          run_id text PRIMARY KEY,
                          state text NOT NULL,
                          seed bigint NOT NULL,
                          request jsonb NOT NULL,
                          row_counts jsonb,
                          fingerprint text,
                          stage_count int NOT NULL DEFAULT 0,
                          current_stage int NOT NULL DEFAULT 0,
                          error text,
                          problems jsonb,
                          created_at timestamptz NOT NULL DEFAULT now(),
                          updated_at timestamptz NOT NULL DEFAULT now(),
                          finished_at timestamptz)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS seedfleet.run_chunks (
                          run_id text NOT NULL REFERENCES seedfleet.runs ON DELETE CASCADE,
                          stage int NOT NULL,
                          table_name text NOT NULL,
                          phase text NOT NULL,
                          row_start bigint NOT NULL,
                          row_end bigint NOT NULL,
                          status text NOT NULL DEFAULT 'PENDING',
                          rows bigint,
                          checksum text,
                          work jsonb NOT NULL,
                          completed_at timestamptz,
                          PRIMARY KEY (run_id, table_name, phase, row_start))""");
                s.execute("CREATE INDEX IF NOT EXISTS run_chunks_by_stage ON seedfleet.run_chunks (run_id, stage, status)");
                // Masking runs share the tables: their request is a masking request, their chunks phase MASK.
                s.execute("ALTER TABLE seedfleet.runs ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'GENERATION'");
                s.execute("CREATE INDEX IF NOT EXISTS runs_unfinished ON seedfleet.runs (state) WHERE state IN ('PLANNING', 'RUNNING')");
            }
            return null;
        });
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Records a new run in PLANNING, or returns the run that already has this id. */
    public StoredRun insertIfAbsent(Connection c, GenerationRequested request, long seed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO seedfleet.runs (run_id, state, seed, request) VALUES (?, 'PLANNING', ?, ?::jsonb)
                ON CONFLICT (run_id) DO NOTHING""")) {
            ps.setString(1, request.runId());
            ps.setLong(2, seed);
            ps.setString(3, json(request));
            ps.executeUpdate();
        }
        return read(c, request.runId(), "").orElseThrow();
    }

    /** Records a new masking run in PLANNING (run id resolved, seed 0), or returns the run that already has this id. */
    public StoredRun insertMaskingIfAbsent(Connection c, MaskingRequested request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO seedfleet.runs (run_id, state, seed, request, kind) VALUES (?, 'PLANNING', 0, ?::jsonb, 'MASKING')
                ON CONFLICT (run_id) DO NOTHING""")) {
            ps.setString(1, request.runId());
            ps.setString(2, json(request));
            ps.executeUpdate();
        }
        return read(c, request.runId(), "").orElseThrow();
    }

    /** A masking run's ranges, as chunks in PENDING: phase MASK, row_start the range's number in its table. */
    public void insertMaskingChunks(Connection c, List<MaskingWork> work) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO seedfleet.run_chunks (run_id, stage, table_name, phase, row_start, row_end, work)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (MaskingWork w : work) {
                ps.setString(1, w.runId());
                ps.setInt(2, w.stage());
                ps.setString(3, w.table());
                ps.setString(4, MaskingWork.PHASE);
                ps.setLong(5, w.chunk());
                ps.setLong(6, w.chunk() + 1L);
                ps.setString(7, json(w));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        analyzeChunks(c);
    }

    /** The masking work of a stage that has not completed yet, tables in order, ranges in key order. */
    public List<MaskingWork> pendingMaskingWork(Connection c, String runId, int stage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT work FROM seedfleet.run_chunks
                WHERE run_id = ? AND stage = ? AND status = 'PENDING'
                ORDER BY table_name, row_start""")) {
            ps.setString(1, runId);
            ps.setInt(2, stage);
            List<MaskingWork> work = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) work.add(Events.fromJson(rs.getBytes(1), MaskingWork.class));
            }
            return work;
        }
    }

    /** The run, locked until the transaction ends: every change to a run goes through this lock, one at a time. */
    public Optional<StoredRun> lock(Connection c, String runId) throws SQLException {
        return read(c, runId, " FOR UPDATE");
    }

    public Optional<StoredRun> find(String runId) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, runId, "");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Run ids in PLANNING or RUNNING, oldest first: what a restarted coordinator picks up again. */
    public Map<String, RunState> unfinished() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT run_id, state FROM seedfleet.runs WHERE state IN ('PLANNING', 'RUNNING') ORDER BY created_at");
             ResultSet rs = ps.executeQuery()) {
            Map<String, RunState> runs = new LinkedHashMap<>();
            while (rs.next()) runs.put(rs.getString(1), RunState.valueOf(rs.getString(2)));
            return runs;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void insertChunks(Connection c, List<List<ChunkWork>> stages) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO seedfleet.run_chunks (run_id, stage, table_name, phase, row_start, row_end, work)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (List<ChunkWork> stage : stages) {
                for (ChunkWork w : stage) {
                    ps.setString(1, w.runId());
                    ps.setInt(2, w.stage());
                    ps.setString(3, w.table());
                    ps.setString(4, w.phase());
                    ps.setLong(5, w.rowStart());
                    ps.setLong(6, w.rowEnd());
                    ps.setString(7, json(w));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        analyzeChunks(c);
    }

    /**
     * Fresh statistics once a run's chunks are in: without them, right after a large run is planned
     * (before autovacuum gets to the table), PostgreSQL may join each batch of completions against
     * the chunks by scanning them all; measured at 762 instead of 10,876 completions a second.
     */
    private static void analyzeChunks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE seedfleet.run_chunks");
        }
    }

    public void markRunning(Connection c, String runId, Map<String, Long> rowCounts, String fingerprint, int stageCount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE seedfleet.runs
                SET state = 'RUNNING', row_counts = ?::jsonb, fingerprint = ?, stage_count = ?, current_stage = 0, updated_at = clock_timestamp()
                WHERE run_id = ?""")) {
            ps.setString(1, json(rowCounts));
            ps.setString(2, fingerprint);
            ps.setInt(3, stageCount);
            ps.setString(4, runId);
            ps.executeUpdate();
        }
    }

    public void setCurrentStage(Connection c, String runId, int stage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE seedfleet.runs SET current_stage = ?, updated_at = clock_timestamp() WHERE run_id = ?")) {
            ps.setInt(1, stage);
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** The work of a stage that has not completed yet, in a stable order. */
    public List<ChunkWork> pendingWork(Connection c, String runId, int stage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT work FROM seedfleet.run_chunks
                WHERE run_id = ? AND stage = ? AND status = 'PENDING'
                ORDER BY table_name, phase, row_start""")) {
            ps.setString(1, runId);
            ps.setInt(2, stage);
            List<ChunkWork> work = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) work.add(Events.fromJson(rs.getBytes(1), ChunkWork.class));
            }
            return work;
        }
    }

    public boolean hasPendingWork(Connection c, String runId, int stage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM seedfleet.run_chunks WHERE run_id = ? AND stage = ? AND status = 'PENDING')")) {
            ps.setString(1, runId);
            ps.setInt(2, stage);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** @return false when the chunk was done already (a redelivered completion) or is not part of the run */
    public boolean markChunkDone(Connection c, ChunkCompleted done) throws SQLException {
        return markChunksDone(c, done.runId(), List.of(done)) == 1;
    }

    /**
     * Marks chunks of one run DONE with one set-based UPDATE (the completions passed as arrays).
     *
     * @return how many were still PENDING: repeated completions and chunks that are not the run's do not count
     */
    public int markChunksDone(Connection c, String runId, List<ChunkCompleted> completions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE seedfleet.run_chunks AS k SET status = 'DONE', rows = u.rows, checksum = u.checksum, completed_at = clock_timestamp()
                FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]) AS u(table_name, phase, row_start, rows, checksum)
                WHERE k.run_id = ? AND k.table_name = u.table_name AND k.phase = u.phase AND k.row_start = u.row_start
                  AND k.status = 'PENDING'""")) {
            ps.setArray(1, c.createArrayOf("text", completions.stream().map(ChunkCompleted::table).toArray()));
            ps.setArray(2, c.createArrayOf("text", completions.stream().map(ChunkCompleted::phase).toArray()));
            ps.setArray(3, c.createArrayOf("bigint", completions.stream().map(ChunkCompleted::rowStart).toArray()));
            ps.setArray(4, c.createArrayOf("bigint", completions.stream().map(ChunkCompleted::rows).toArray()));
            ps.setArray(5, c.createArrayOf("text", completions.stream().map(ChunkCompleted::checksum).toArray()));
            ps.setString(6, runId);
            return ps.executeUpdate();
        }
    }

    public void markChunkFailed(Connection c, ChunkFailed failed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE seedfleet.run_chunks SET status = 'FAILED', completed_at = clock_timestamp()
                WHERE run_id = ? AND table_name = ? AND phase = ? AND row_start = ? AND status = 'PENDING'""")) {
            ps.setString(1, failed.runId());
            ps.setString(2, failed.table());
            ps.setString(3, failed.phase());
            ps.setLong(4, failed.rowStart());
            ps.executeUpdate();
        }
    }

    public List<DoneChunk> doneChunks(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT table_name, phase, rows, checksum FROM seedfleet.run_chunks WHERE run_id = ? AND status = 'DONE'")) {
            ps.setString(1, runId);
            List<DoneChunk> chunks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) chunks.add(new DoneChunk(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
            return chunks;
        }
    }

    public void markCompleted(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE seedfleet.runs SET state = 'COMPLETED', updated_at = clock_timestamp(), finished_at = clock_timestamp() WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    public void markFailed(Connection c, String runId, String error, List<String> problems) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE seedfleet.runs SET state = 'FAILED', error = ?, problems = ?::jsonb, updated_at = clock_timestamp(), finished_at = clock_timestamp()
                WHERE run_id = ?""")) {
            ps.setString(1, error);
            ps.setString(2, json(problems));
            ps.setString(3, runId);
            ps.executeUpdate();
        }
    }

    public RunProgress progress(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT table_name,
                            count(*) FILTER (WHERE status = 'DONE'),
                            count(*),
                            coalesce(sum(rows) FILTER (WHERE status = 'DONE' AND phase IN ('INSERT', 'MASK')), 0)
                     FROM seedfleet.run_chunks WHERE run_id = ? GROUP BY table_name""")) {
            ps.setString(1, runId);
            long done = 0;
            long total = 0;
            Map<String, Long> rowsDone = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done += rs.getLong(2);
                    total += rs.getLong(3);
                    rowsDone.put(rs.getString(1), rs.getLong(4));
                }
            }
            return new RunProgress(done, total, rowsDone);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private Optional<StoredRun> read(Connection c, String runId, String lockClause) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM seedfleet.runs WHERE run_id = ?" + lockClause)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(run(rs)) : Optional.empty();
            }
        }
    }

    private static StoredRun run(ResultSet rs) throws SQLException {
        String rowCounts = rs.getString("row_counts");
        String problems = rs.getString("problems");
        StoredRun.RunKind kind = StoredRun.RunKind.valueOf(rs.getString("kind"));
        boolean masking = kind == StoredRun.RunKind.MASKING;
        return new StoredRun(
                rs.getString("run_id"),
                RunState.valueOf(rs.getString("state")),
                rs.getLong("seed"),
                masking ? null : Events.fromJson(rs.getBytes("request"), GenerationRequested.class),
                rowCounts == null ? Map.of() : parse(rowCounts, ROW_COUNTS),
                rs.getString("fingerprint"),
                rs.getInt("stage_count"),
                rs.getInt("current_stage"),
                rs.getString("error"),
                problems == null ? List.of() : parse(problems, PROBLEMS),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                kind,
                masking ? Events.fromJson(rs.getBytes("request"), MaskingRequested.class) : null);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String json(Object value) {
        try {
            return Events.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return Events.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable run state: " + e.getOriginalMessage(), e);
        }
    }
}
