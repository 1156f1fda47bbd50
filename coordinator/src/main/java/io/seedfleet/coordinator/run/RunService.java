package io.seedfleet.coordinator.run;

import io.seedfleet.coordinator.messaging.EventPublisher;
import io.seedfleet.coordinator.store.RunStore;
import io.seedfleet.coordinator.store.StoredRun;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.RunStatus;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.run.RunPlanner;
import io.seedfleet.core.run.RunPlanner.PlannedRun;
import io.seedfleet.core.schema.IntrospectionException;
import io.seedfleet.core.sink.PostgresSink;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The orchestration of a run: accept, plan, release stage after stage as chunks complete, finish.
 * Every change to a run happens in one transaction that holds the run's row lock, so concurrent
 * completions (or a restart's recovery) cannot release a stage twice. Events are sent before that
 * transaction commits (see {@link EventPublisher}).
 */
@ApplicationScoped
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final RunStore store;
    private final EventPublisher events;

    RunService(RunStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Records the request in PLANNING with its run id and seed resolved, or returns the run that
     * already has its run id: a repeated request is not a new run.
     */
    public StoredRun accept(GenerationRequested request) {
        String runId = request.runId() == null || request.runId().isBlank() ? UUID.randomUUID().toString() : request.runId();
        long seed = RunPlanner.chooseSeed(request.seed());
        GenerationRequested resolved = new GenerationRequested(runId, request.target(), request.rows(), request.defaultRows(),
                request.fanOut(), seed, request.chunkRows(), request.edgeCaseRate(), request.locales(), request.definition(), request.scenario());
        return store.inTransaction(c -> store.insertIfAbsent(c, resolved, seed));
    }

    /** Plans on a worker thread, for callers that answer before planning ends (the REST API). */
    public void planLater(String runId) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                plan(runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Planning run %s failed; it stays in PLANNING and is planned again at the next start", runId);
            }
        });
    }

    /** Plans a run still in PLANNING and releases its first stage; a run past planning is left alone. */
    public void plan(String runId) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
            if (run.isMasking() || run.state() != RunState.PLANNING) return null;
            PlannedRun planned;
            try {
                planned = RunPlanner.plan(runId, run.request());
            } catch (PlanningException e) {
                fail(c, run, "the request cannot be planned", e.problems().stream().map(PlanProblem::toString).toList(), true);
                return null;
            } catch (SQLException e) {
                fail(c, run, "the target database is unreachable: " + e.getMessage(), List.of(), true);
                return null;
            } catch (IntrospectionException e) {
                fail(c, run, "the target's schema could not be read: " + e.getMessage(), List.of(), true);
                return null;
            } catch (IllegalArgumentException e) {
                fail(c, run, "the request is invalid: " + e.getMessage(), List.of(), true);
                return null;
            } catch (RuntimeException e) {
                // Whatever the planner chokes on, the run must end rather than stay in PLANNING for ever.
                LOG.errorf(e, "Planning run %s failed unexpectedly", runId);
                fail(c, run, "planning failed: " + e, List.of(), true);
                return null;
            }
            store.insertChunks(c, planned.stages());
            store.markRunning(c, runId, planned.rowCounts(), planned.schemaFingerprint(), planned.stages().size());
            LOG.infof("Run %s planned into %d stages, %d rows, on %s", runId, planned.stages().size(), planned.totalRows(),
                    run.request().target());
            release(c, reread(c, runId), 0);
            return null;
        });
    }

    /**
     * Records finished chunks, each run's in one transaction; the last chunk of a stage releases the
     * next stage, the last of the run ends it. A batch (as the consumer receives them) costs one lock
     * and one round trip per run, not per chunk: that is what lets one coordinator drive many workers.
     */
    public void chunksCompleted(List<ChunkCompleted> completions) {
        Map<String, List<ChunkCompleted>> byRun = completions.stream()
                .collect(Collectors.groupingBy(ChunkCompleted::runId, LinkedHashMap::new, Collectors.toList()));
        byRun.forEach((runId, done) -> store.inTransaction(c -> {
            StoredRun run = store.lock(c, runId).orElse(null);
            if (run == null || run.isMasking() || run.state() != RunState.RUNNING) {
                LOG.debugf("Ignoring %d completion(s) for run %s, which is not a running generation run", done.size(), runId);
                return null;
            }
            int marked = store.markChunksDone(c, runId, done);
            if (marked < done.size()) LOG.debugf("Ignoring %d repeated completion(s) of run %s", done.size() - marked, runId);
            if (marked > 0 && !store.hasPendingWork(c, runId, run.currentStage())) {
                release(c, run, run.currentStage() + 1);
            }
            return null;
        }));
    }

    /**
     * A chunk that a worker could not write ends the run, and the run is undone in the target: its
     * tables emptied again (they were empty when it started), its suspended constraints restored.
     */
    public void chunkFailed(ChunkFailed failure) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, failure.runId()).orElse(null);
            if (run == null || run.isMasking() || run.state() != RunState.RUNNING) return null;
            store.markChunkFailed(c, failure);
            String reason = "chunk %s %s [%d, %d) failed on worker %s".formatted(failure.table(), failure.phase(),
                    failure.rowStart(), failure.rowEnd(), failure.worker());
            List<String> problems = new ArrayList<>(List.of(failure.error()));
            boolean undone = true;
            try (Connection target = run.request().target().jdbc().open()) {
                PostgresSink.undo(target, run.runId(), plan(target, run));
            } catch (SQLException | RuntimeException e) {
                undone = false;
                problems.add("the target could not be restored to its state before the run: " + e.getMessage());
            }
            fail(c, run, reason, problems, undone);
            return null;
        });
    }

    /**
     * After a restart: sends the unfinished work of a running run's current stage again. Workers
     * recognise chunks they already wrote by their ledger and just report them completed.
     */
    public void resume(String runId) {
        store.inTransaction(c -> {
            StoredRun run = store.lock(c, runId).orElse(null);
            if (run == null || run.isMasking() || run.state() != RunState.RUNNING) return null;
            release(c, run, run.currentStage());
            return null;
        });
    }

    /** Makes {@code stage} current and sends its pending work; stages without pending work are passed, and past the last the run completes. */
    private void release(Connection c, StoredRun run, int stage) throws SQLException {
        for (int s = stage; s < run.stageCount(); s++) {
            List<ChunkWork> pending = store.pendingWork(c, run.runId(), s);
            if (!pending.isEmpty()) {
                if (s != run.currentStage()) store.setCurrentStage(c, run.runId(), s);
                events.chunkWork(pending);
                events.status(new RunStatus(run.runId(), "RUNNING", "stage " + (s + 1) + " of " + run.stageCount() + " released",
                        rowsDone(c, run), rowsTotal(run)));
                LOG.infof("Run %s: stage %d released (stages 0-%d), %d chunks", run.runId(), s, run.stageCount() - 1, pending.size());
                return;
            }
        }
        complete(c, run);
    }

    private void complete(Connection c, StoredRun run) throws SQLException {
        GenerationRequested request = run.request();
        Map<String, Map<String, List<String>>> edgeCoverage;
        try (Connection target = request.target().jdbc().open()) {
            GenerationPlan plan = plan(target, run);
            PostgresSink.finish(target, run.runId(), plan);
            edgeCoverage = Dataset.of(plan).edgeCoverage();
        } catch (SQLException | RuntimeException e) {
            fail(c, run, "every chunk is written, but the target could not be finished (constraints, sequences): " + e.getMessage(), List.of(), false);
            return;
        }
        Map<String, TableTotal> tables = TableTotals.of(run.rowCounts(), store.doneChunks(c, run.runId()));
        long totalRows = tables.values().stream().mapToLong(TableTotal::rows).sum();
        long durationMs = Duration.between(run.createdAt(), Instant.now()).toMillis();
        store.markCompleted(c, run.runId());
        events.generationCompleted(new GenerationCompleted(run.runId(), request.target(), run.seed(), tables, totalRows, durationMs, edgeCoverage));
        events.status(new RunStatus(run.runId(), "COMPLETED", totalRows + " rows in " + durationMs + " ms", totalRows, rowsTotal(run)));
        LOG.infof("Run %s completed: %d rows in %d ms", run.runId(), totalRows, durationMs);
    }

    private long rowsDone(Connection c, StoredRun run) throws SQLException {
        return run.rowCounts() == null ? 0
                : TableTotals.of(run.rowCounts(), store.doneChunks(c, run.runId())).values().stream().mapToLong(TableTotal::rows).sum();
    }

    private static long rowsTotal(StoredRun run) {
        return run.rowCounts() == null ? 0 : run.rowCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The run's plan, rebuilt as a worker does from the schema the target's ledger recorded at planning. */
    private static GenerationPlan plan(Connection target, StoredRun run) throws SQLException {
        return RunPlanner.replan(target, run.runId(), run.rowCounts(), run.seed(), GenerationPlan.DEFAULT_ANCHOR,
                run.request().edgeCasesPerMille(), run.request().localeMix());
    }

    private void fail(Connection c, StoredRun run, String reason, List<String> problems, boolean targetUntouched) throws SQLException {
        store.markFailed(c, run.runId(), reason, problems);
        events.generationFailed(new GenerationFailed(run.runId(), reason, problems, targetUntouched));
        events.status(new RunStatus(run.runId(), "FAILED", reason, 0, rowsTotal(run)));
        LOG.warnf("Run %s failed: %s %s", run.runId(), reason, problems);
    }

    private StoredRun reread(Connection c, String runId) throws SQLException {
        return store.lock(c, runId).orElseThrow();
    }
}
