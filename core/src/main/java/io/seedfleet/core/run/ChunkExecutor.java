package io.seedfleet.core.run;

import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.ChunkResult;
import io.seedfleet.core.sink.PostgresSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stateless worker's job: make one chunk of a run. The dataset of a run (schema read from the
 * target, plan rebuilt from the work event's row counts and seed) is cached per run, so a worker
 * pays for introspection once per run, not per chunk.
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
            ChunkResult r = PostgresSink.write(c, work.runId(), dataset.table(chunk.table()), chunk);
            return new ChunkCompleted(work.runId(), work.stage(), work.table(), work.phase(), work.rowStart(), work.rowEnd(),
                    r.rows(), RunSummary.checksumText(r.checksum()), r.millis(), r.alreadyWritten(), workerName);
        }
    }

    private Dataset dataset(Connection c, ChunkWork work) {
        synchronized (datasets) {
            Dataset cached = datasets.get(work.runId());
            if (cached != null) return cached;
        }
        SchemaModel schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        String fingerprint = SchemaFingerprint.of(schema);
        if (!fingerprint.equals(work.schemaFingerprint())) {
            throw new IllegalStateException("the target's schema changed since run " + work.runId() + " was planned");
        }
        Map<String, Long> counts = work.rowCounts();
        GenerationPlan plan = Planner.plan(schema, new RowCounts(counts, 0, 1.0), work.seed(), work.anchorEpochMicros());
        Dataset dataset = Dataset.of(plan);
        synchronized (datasets) {
            datasets.put(work.runId(), dataset);
        }
        return dataset;
    }
}
