package io.seedfleet.coordinator.masking;

import io.seedfleet.coordinator.messaging.EventPublisher;
import io.seedfleet.coordinator.run.RunState;
import io.seedfleet.coordinator.store.RunStore;
import io.seedfleet.coordinator.store.StoredRun;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.MaskingCompleted;
import io.seedfleet.core.event.MaskingRequested;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.event.RunStatus;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.fleet.MaskingLedger;
import io.seedfleet.masking.proof.LeakCheck;
import io.seedfleet.masking.run.MaskingException;
import io.seedfleet.masking.run.TargetDatabase;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The orchestration of a masked copy through the fleet: accept, plan (target created from the source's
 * model, one source snapshot exported and held open, tables split into key ranges, stages by
 * foreign-key level), release stage after stage as masking workers complete ranges, and finish
 * (foreign keys added back and validated, sequences advanced, snapshot closed, leak check,
 * {@code test-data:masking-completed}). The finished copy is also announced as
 * {@code test-data:generation-completed}, so the validator checks it as it checks generated data.
 *
 * <p>A coordinator restart fails its running masking runs clearly and empties their targets: the
 * snapshot lived in the stopped process's transaction, and ranges read from another snapshot would
 * not make one consistent copy.
 *
 * <p>Every change to a run happens in one transaction holding the run's row lock, as in generation.
 */
@ApplicationScoped
public class MaskingRunService {
    private static final Logger LOG = Logger.getLogger(MaskingRunService.class);

    private final RunStore store;
    private final EventPublisher events;
    private final SourceSnapshots snapshots;
    private final MaskingPlanner planner;
    private final Optional<String> sourcePassword;
    private final Optional<String> targetPassword;

    MaskingRunService(RunStore store, EventPublisher events, SourceSnapshots snapshots, MaskingPlanner planner,
                      @ConfigProperty(name = "seedfleet.source.password") Optional<String> sourcePassword,
                      @ConfigProperty(name = "seedfleet.target.password") Optional<String> targetPassword) {
        this.store = store;
        this.events = events;
        this.snapshots = snapshots;
        this.planner = planner;
        this.sourcePassword = sourcePassword;
        this.targetPassword = targetPassword;
    }

    /** Records the request in PLANNING with its run id resolved, or returns the run that already has its id. */
    public StoredRun accept(MaskingRequested request) {
        if (request.source() == null || request.target() == null) throw new IllegalArgumentException("a masking request needs a source and a target");
        String runId = request.runId() == null || request.runId().isBlank() ? UUID.randomUUID().toString() : request.runId();
        MaskingRequested resolved = new MaskingRequested(runId, request.source(), request.target(), request.rules(), request.subset(), request.strict(),
                request.chunkRows());
        return store.inTransaction(c -> store.insertMaskingIfAbsent(c, resolved));
    }

    /** Plans on a worker thread, for callers that answer before planning ends (the REST API). */
    public void planLater(String runId) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                plan(runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Planning masking run %s failed; it stays in PLANNING and is planned again at the next start", runId);
            }
        });
    }

    /** Plans a masking run still in PLANNING and releases its first stage. */
    public void plan(String runId) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
            if (!run.isMasking() || run.state() != RunState.PLANNING) return null;
            MaskingRequested request = run.masking();
            MaskingPlanner.Planned planned;
            try {
                planned = planner.plan(runId, request, source(request), target(request));
            } catch (MaskingException | IllegalArgumentException e) {
                fail(c, run, "the masking request cannot be planned: " + message(request, e), List.of(), true);
                return null;
            } catch (SQLException e) {
                fail(c, run, "the source or target database cannot be used: " + message(request, e), List.of(), true);
                return null;
            } catch (RuntimeException e) {
                LOG.errorf("Planning masking run %s failed unexpectedly: %s", runId, message(request, e));
                fail(c, run, "planning failed: " + message(request, e), List.of(), true);
                return null;
            }
            try {
                snapshots.hold(planned.active());
                store.insertMaskingChunks(c, planned.work());
                store.markRunning(c, runId, planned.rowCounts(), null, planned.stageCount());
                LOG.infof("Masking run %s planned: %d ranges of %d tables in %d stages", runId, planned.work().size(),
                        planned.rowCounts().size(), planned.stageCount());
                release(c, store.lock(c, runId).orElseThrow(), 0);
            } catch (SQLException | RuntimeException e) {
                // Nothing of the run is recorded (this transaction rolls back): leave the target as it was.
                undo(runId, request);
                throw e;
            }
            return null;
        });
    }

    /** Records a finished range; the last of a stage releases the next stage, the last of the run finishes it. */
    public void chunkCompleted(ChunkCompleted done) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, done.runId()).orElse(null);
            if (run == null || !run.isMasking() || run.state() != RunState.RUNNING) {
                LOG.debugf("Ignoring a masking completion for run %s, which is not a running masking run", done.runId());
                return null;
            }
            if (!store.markChunkDone(c, done)) return null; // a repeated report
            if (!store.hasPendingWork(c, run.runId(), run.currentStage())) release(c, run, run.currentStage() + 1);
            return null;
        });
    }

    /** A range a worker could not copy ends the run; the target is emptied again. */
    public void chunkFailed(ChunkFailed failure) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, failure.runId()).orElse(null);
            if (run == null || !run.isMasking() || run.state() != RunState.RUNNING) return null;
            store.markChunkFailed(c, failure);
            String reason = "masking range %d of %s failed on worker %s".formatted(failure.rowStart(), failure.table(), failure.worker());
            failAndUndo(c, run, reason, new ArrayList<>(List.of(failure.error())));
            return null;
        });
    }

    /**
     * After a restart: a masking run that was copying cannot go on (its snapshot ended with the old
     * process), so it fails with that reason and its target is emptied again.
     */
    public void failAfterRestart(String runId) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, runId).orElse(null);
            if (run == null || !run.isMasking() || run.state() != RunState.RUNNING) return null;
            failAndUndo(c, run, "the coordinator restarted while this masking run was copying: the source snapshot it held open ended with it,"
                    + " and ranges read from a new one would not make a consistent copy; submit the request again", new ArrayList<>());
            return null;
        });
    }

    private void release(Connection c, StoredRun run, int stage) throws SQLException {
        for (int s = stage; s < run.stageCount(); s++) {
            List<MaskingWork> pending = store.pendingMaskingWork(c, run.runId(), s);
            if (!pending.isEmpty()) {
                if (s != run.currentStage()) store.setCurrentStage(c, run.runId(), s);
                events.maskingWork(pending);
                events.status(new RunStatus(run.runId(), "RUNNING", "masking stage " + (s + 1) + " of " + run.stageCount() + " released",
                        rowsDone(c, run), rowsTotal(run)));
                LOG.infof("Masking run %s: stage %d released, %d ranges", run.runId(), s, pending.size());
                return;
            }
        }
        complete(c, run);
    }

    private void complete(Connection c, StoredRun run) throws SQLException {
        MaskingRequested request = run.masking();
        ActiveMasking active = snapshots.get(run.runId()).orElse(null);
        if (active == null) {
            failAndUndo(c, run, "the run's source snapshot is no longer held (the coordinator restarted)", new ArrayList<>());
            return;
        }
        JdbcTarget source = source(request);
        JdbcTarget target = target(request);
        try (Connection t = target.open()) {
            TargetDatabase.restoreForeignKeys(t, active.foreignKeys());
            TargetDatabase.advanceSequences(t, active.model());
            try (Statement s = t.createStatement()) {
                s.execute("ANALYZE");
            }
            MaskingLedger.setState(t, run.runId(), "COMPLETED");
        } catch (SQLException | RuntimeException e) {
            failAndUndo(c, run, "every range is copied, but the target could not be finished (foreign keys, sequences): " + message(request, e),
                    new ArrayList<>());
            return;
        }
        snapshots.release(run.runId());
        LeakCheck.Result leaks;
        try {
            leaks = LeakCheck.run(source, target, active.personalColumns(), active.copiedAsIs());
        } catch (SQLException | RuntimeException e) {
            fail(c, run, "the masked copy is complete but the leak check could not run: " + message(request, e), List.of(), false);
            return;
        }
        Map<String, long[]> sums = new TreeMap<>();
        run.rowCounts().keySet().forEach(table -> sums.put(table, new long[2]));
        for (RunStore.DoneChunk chunk : store.doneChunks(c, run.runId())) {
            long[] sum = sums.computeIfAbsent(chunk.table(), k -> new long[2]);
            sum[0] += chunk.rows();
            sum[1] += Long.parseUnsignedLong(chunk.checksum(), 16); // overflow is the modulo 2^64
        }
        Map<String, Long> rows = new TreeMap<>();
        Map<String, TableTotal> totals = new TreeMap<>();
        sums.forEach((table, sum) -> {
            rows.put(table, sum[0]);
            totals.put(table, new TableTotal(sum[0], io.seedfleet.core.run.RunSummary.checksumText(sum[1])));
        });
        long totalRows = rows.values().stream().mapToLong(Long::longValue).sum();
        long durationMs = Math.max(1, Duration.between(run.createdAt(), Instant.now()).toMillis());
        List<String> leakLines = leaks.leaks().stream()
                .map(l -> l.source() + " -> " + l.target() + ": " + l.exact() + " exact, " + l.normalised() + " normalised").toList();
        store.markCompleted(c, run.runId());
        events.maskingCompleted(new MaskingCompleted(run.runId(), request.target(), rows, totalRows, durationMs, totalRows * 1000.0 / durationMs,
                leaks.total(), leaks.valuesChecked(), leakLines));
        events.status(new RunStatus(run.runId(), "COMPLETED", totalRows + " rows masked in " + durationMs + " ms; " + leaks.total() + " leaked values",
                totalRows, rowsTotal(run)));
        // The validator checks the masked copy's constraints as it checks generated data.
        events.generationCompleted(new GenerationCompleted(run.runId(), request.target(), 0, totals, totalRows, durationMs, Map.of()));
        LOG.infof("Masking run %s completed: %d rows in %d ms, %d leaked values", run.runId(), totalRows, durationMs, leaks.total());
    }

    private void failAndUndo(Connection c, StoredRun run, String reason, List<String> problems) throws SQLException {
        boolean undone = undo(run.runId(), run.masking());
        if (!undone) problems.add("the target could not be emptied again; drop what the run created before submitting it again");
        fail(c, run, reason, problems, undone);
    }

    /**
     * Ends the run's snapshot and empties the target again: the ledger marked FAILED first (waiting for
     * ranges in flight and refusing later ones), then what the run created dropped, the ledger too.
     */
    private boolean undo(String runId, MaskingRequested request) {
        ActiveMasking active = snapshots.get(runId).orElse(null);
        snapshots.release(runId);
        try (Connection t = target(request).open()) {
            SchemaModel model = active != null ? active.model() : MaskingLedger.recordedSchema(t, runId).orElse(null);
            MaskingLedger.setState(t, runId, "FAILED");
            if (model != null) TargetDatabase.dropCreated(t, model);
            MaskingLedger.drop(t);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Masking run %s: the target could not be emptied again: %s", runId, message(request, e));
            return false;
        }
    }

    private void fail(Connection c, StoredRun run, String reason, List<String> problems, boolean targetUntouched) throws SQLException {
        store.markFailed(c, run.runId(), reason, problems);
        events.generationFailed(new GenerationFailed(run.runId(), reason, problems, targetUntouched));
        events.status(new RunStatus(run.runId(), "FAILED", reason, 0, rowsTotal(run)));
        LOG.warnf("Masking run %s failed: %s %s", run.runId(), reason, problems);
    }

    private long rowsDone(Connection c, StoredRun run) throws SQLException {
        return store.doneChunks(c, run.runId()).stream().mapToLong(RunStore.DoneChunk::rows).sum();
    }

    private static long rowsTotal(StoredRun run) {
        return run.rowCounts() == null ? 0 : run.rowCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    private JdbcTarget source(MaskingRequested request) {
        return request.source().withPasswordIfAbsent(sourcePassword.orElse(null)).jdbc();
    }

    private JdbcTarget target(MaskingRequested request) {
        return request.target().withPasswordIfAbsent(targetPassword.orElse(null)).jdbc();
    }

    /** An error as it may leave the process: URLs redacted, neither password. */
    private String message(MaskingRequested request, Throwable e) {
        Target source = request.source().withPasswordIfAbsent(sourcePassword.orElse(null));
        String text = request.target().withPasswordIfAbsent(targetPassword.orElse(null)).describe(e);
        return source.password() == null || source.password().isEmpty() ? text : text.replace(source.password(), "***");
    }
}
