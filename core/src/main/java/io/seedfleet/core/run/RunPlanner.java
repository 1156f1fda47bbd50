package io.seedfleet.core.run;

import io.seedfleet.core.definition.Rules;
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
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.Sink;
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
 * back by {@link Sink#finish} when the run completes, or by {@link Sink#undo}.
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
        Sink sink = Sink.of(target);
        SchemaModel schema = sink.recordedSchema(target, runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " is not registered in the target's ledger"));
        return Planner.plan(schema, new RowCounts(rowCounts, 0, 1.0), seed, anchorEpochMicros, edgeCasesPerMille, localeMix,
                sink.recordedRules(target, runId));
    }

    /** @throws PlanningException when the request cannot be satisfied; SQLException when the target is unreachable */
    public static PlannedRun plan(String runId, GenerationRequested request) throws SQLException {
        Target target = request.target();
        if (target == null || target.jdbcUrl() == null) {
            throw new PlanningException(List.of(new PlanProblem("request", "target", "names no target database")));
        }
        long seed = chooseSeed(request.seed());
        int chunkRows = request.chunkRows() == null ? Chunks.DEFAULT_CHUNK_ROWS : request.chunkRows();
        Sink sink = Sink.of(target.jdbc());
        try (Connection c = target.jdbc().open()) {
            SchemaModel schema = Introspection.read(c, IntrospectionOptions.all());
            Rules rules = RunRules.of("request " + runId, DefinitionReference.text(request.definition()), request.scenario(), schema, c);
            // What the request says wins over the definition's defaults; the definition's volumes win over both.
            RowCounts counts = rules.counts(new RowCounts(request.rows(),
                    request.defaultRows() != null ? request.defaultRows() : rules.defaultRows() != null ? rules.defaultRows() : RowCounts.DEFAULT_ROOT_ROWS,
                    request.fanOut() != null ? request.fanOut() : rules.fanOut() != null ? rules.fanOut() : RowCounts.DEFAULT_FAN_OUT));
            int edgeCasesPerMille = request.edgeCaseRate() != null ? request.edgeCasesPerMille()
                    : rules.edgeCasesPerMilleOr(GenerationPlan.DEFAULT_EDGE_CASES_PER_MILLE);
            var localeMix = !request.localeMix().isEmpty() ? request.localeMix() : rules.localeMix();
            GenerationPlan plan = Planner.plan(schema, counts, seed, GenerationPlan.DEFAULT_ANCHOR, edgeCasesPerMille, localeMix, rules);
            Dataset.of(plan); // every table and column can be generated, or every problem is thrown now
            List<String> nonEmpty = sink.nonEmptyTables(c, plan);
            if (!nonEmpty.isEmpty()) {
                throw new PlanningException(nonEmpty.stream()
                        .map(t -> new PlanProblem(t, null, "already holds rows; Seedfleet only generates into empty tables")).toList());
            }
            sink.prepareLedger(c);
            sink.registerRun(c, runId, schema, rules);
            sink.setAsideForLoad(c, runId, plan);
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
