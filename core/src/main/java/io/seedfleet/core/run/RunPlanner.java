package io.seedfleet.core.run;

import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.Chunks;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.PostgresSink;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a generation request into a planned run: reads the target's schema, plans, checks that
 * every table can be generated and that the target is empty, prepares the ledger, and lays the
 * chunks out as stages of work events. Nothing is written to the target's tables here; foreign keys
 * that a NOT NULL cycle forces out of the way are dropped (and recorded) for the load, to be added
 * back by {@link PostgresSink#finish} when the run completes, or by {@link PostgresSink#undo}.
 */
public final class RunPlanner {

    /** A planned run: the resolved seed, per-table row counts and the work events, stage by stage. */
    public record PlannedRun(String runId, long seed, Map<String, Long> rowCounts, String schemaFingerprint,
                             List<List<ChunkWork>> stages) {
        public long totalRows() {
            return rowCounts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final SecureRandom SEEDS = new SecureRandom();

    private RunPlanner() {}

    public static long chooseSeed(Long requested) {
        return requested != null ? requested : SEEDS.nextLong() & Long.MAX_VALUE;
    }

    /**
     * The plan of a run already under way, rebuilt from the schema recorded when it was planned (the
     * live catalog may lack the constraints the run suspended).
     */
    public static GenerationPlan replan(Connection target, String runId, Map<String, Long> rowCounts, long seed, long anchorEpochMicros,
                                        int edgeCasesPerMille, Map<String, Integer> localeMix) throws SQLException {
        SchemaModel schema = PostgresSink.recordedSchema(target, runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " is not registered in the target's ledger"));
        return Planner.plan(schema, new RowCounts(rowCounts, 0, 1.0), seed, anchorEpochMicros, edgeCasesPerMille, localeMix);
    }

    /** @throws PlanningException when the request cannot be satisfied; SQLException when the target is unreachable */
    public static PlannedRun plan(String runId, GenerationRequested request) throws SQLException {
        Target target = request.target();
        if (target == null || target.jdbcUrl() == null) {
            throw new PlanningException(List.of(new PlanProblem("request", "target", "names no target database")));
        }
        long seed = chooseSeed(request.seed());
        RowCounts counts = new RowCounts(request.rows(),
                request.defaultRows() == null ? RowCounts.DEFAULT_ROOT_ROWS : request.defaultRows(),
                request.fanOut() == null ? RowCounts.DEFAULT_FAN_OUT : request.fanOut());
        int chunkRows = request.chunkRows() == null ? Chunks.DEFAULT_CHUNK_ROWS : request.chunkRows();
        try (Connection c = target.jdbc().open()) {
            SchemaModel schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            GenerationPlan plan = Planner.plan(schema, counts, seed, GenerationPlan.DEFAULT_ANCHOR, request.edgeCasesPerMille(), request.localeMix());
            Dataset.of(plan); // every table and column can be generated, or every problem is thrown now
            List<String> nonEmpty = PostgresSink.nonEmptyTables(c, plan);
            if (!nonEmpty.isEmpty()) {
                throw new PlanningException(nonEmpty.stream()
                        .map(t -> new PlanProblem(t, null, "already holds rows; Seedfleet only generates into empty tables")).toList());
            }
            PostgresSink.prepareLedger(c);
            PostgresSink.registerRun(c, runId, schema);
            PostgresSink.suspendForeignKeys(c, runId, plan);
            String fingerprint = SchemaFingerprint.of(schema);
            Map<String, Long> rowCounts = new TreeMap<>();
            plan.rowCounts().forEach((t, n) -> rowCounts.put(t.toString(), n));
            List<List<ChunkWork>> stages = new ArrayList<>();
            List<List<Chunk>> chunkStages = Chunks.stages(plan, chunkRows);
            for (int s = 0; s < chunkStages.size(); s++) {
                List<ChunkWork> work = new ArrayList<>();
                for (Chunk chunk : chunkStages.get(s)) {
                    work.add(new ChunkWork(runId, target, seed, plan.anchorEpochMicros(), plan.edgeCasesPerMille(), plan.localeMix(), rowCounts, fingerprint, s,
                            chunk.table().toString(), chunk.phase().name(), chunk.start(), chunk.end()));
                }
                stages.add(work);
            }
            return new PlannedRun(runId, seed, rowCounts, fingerprint, stages);
        }
    }
}
