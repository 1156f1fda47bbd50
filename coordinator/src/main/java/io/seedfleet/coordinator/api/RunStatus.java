package io.seedfleet.coordinator.api;

import io.seedfleet.coordinator.run.RunState;
import io.seedfleet.coordinator.store.RunProgress;
import io.seedfleet.coordinator.store.StoredRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run as the API shows it. {@code stage} counts from 0, as in the work events. Rows count INSERT
 * chunks; the request (and so the target's credentials) is never shown.
 */
public record RunStatus(String runId, RunState state, long seed, int stage, int stageCount, long chunksDone, long chunksTotal,
                        long rowsDone, long rowsTotal, Map<String, TableProgress> tables, String error, List<String> problems,
                        Instant createdAt, Instant updatedAt) {

    public record TableProgress(long rows, long rowsDone) {}

    static RunStatus of(StoredRun run, RunProgress progress) {
        Map<String, TableProgress> tables = new TreeMap<>();
        run.rowCounts().forEach((table, rows) -> tables.put(table, new TableProgress(rows, progress.rowsDone().getOrDefault(table, 0L))));
        long rowsDone = tables.values().stream().mapToLong(TableProgress::rowsDone).sum();
        long rowsTotal = tables.values().stream().mapToLong(TableProgress::rows).sum();
        return new RunStatus(run.runId(), run.state(), run.seed(), run.currentStage(), run.stageCount(), progress.chunksDone(),
                progress.chunksTotal(), rowsDone, rowsTotal, tables, run.error(), run.problems(), run.createdAt(), run.updatedAt());
    }
}
