package io.seedfleet.core.run;

import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.sink.ChunkResult;
import io.seedfleet.core.sink.Sink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stateless worker's job: make one chunk of a run. The dataset of a run (the schema recorded in
 * the target's ledger when the run was planned, the plan rebuilt from the work event's row counts
 * and seed) is cached per run, so a worker reads it once per run, not per chunk.
 */
public final class ChunkExecutor {
    private static final int CACHED_RUNS = 8;

    private final String workerName;
    private final Map<String, Dataset> datasets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dataset> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    public ChunkExecutor(String workerName) {
        this.workerName = workerName;
    }

    public ChunkCompleted execute(ChunkWork work) throws SQLException {
        try (Connection c = work.target().jdbc().open()) {
            Dataset dataset = dataset(c, work);
            Chunk chunk = new Chunk(QualifiedName.parse(work.table()), Chunk.Phase.valueOf(work.phase()), work.rowStart(), work.rowEnd());
            ChunkResult r = Sink.of(work.target().jdbc()).write(c, work.runId(), dataset.table(chunk.table()), chunk);
            return new ChunkCompleted(work.runId(), work.stage(), work.table(), work.phase(), work.rowStart(), work.rowEnd(),
                    r.rows(), RunSummary.checksumText(r.checksum()), r.millis(), r.alreadyWritten(), workerName);
        }
    }

    private Dataset dataset(Connection c, ChunkWork work) throws SQLException {
        synchronized (datasets) {
            Dataset cached = datasets.get(work.runId());
            if (cached != null) return cached;
        }
        GenerationPlan plan = RunPlanner.replan(c, work.runId(), work.rowCounts(), work.seed(), work.anchorEpochMicros(), work.edgeCasesPerMille(),
                work.localeMix());
        if (!SchemaFingerprint.of(plan.schema()).equals(work.schemaFingerprint())) {
            throw new IllegalStateException("run " + work.runId() + " was planned on another schema than the target's ledger records");
        }
        Dataset dataset = Dataset.of(plan);
        synchronized (datasets) {
            datasets.put(work.runId(), dataset);
        }
        return dataset;
    }
}
