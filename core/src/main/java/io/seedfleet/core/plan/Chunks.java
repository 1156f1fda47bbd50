package io.seedfleet.core.plan;

import io.seedfleet.core.plan.Chunk.Phase;
import io.seedfleet.core.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plan into chunks, stage by stage: one stage per dependency level of inserts, then one
 * stage of updates for the foreign keys a cycle deferred. A stage may start only when the one
 * before it has completed.
 */
public final class Chunks {
    public static final int DEFAULT_CHUNK_ROWS = 50_000;

    private Chunks() {}

    public static List<List<Chunk>> stages(GenerationPlan plan, long chunkRows) {
        if (chunkRows <= 0) throw new IllegalArgumentException("chunk size must be positive");
        List<List<Chunk>> stages = new ArrayList<>();
        for (List<QualifiedName> level : plan.levels()) {
            List<Chunk> stage = new ArrayList<>();
            for (QualifiedName t : level) split(t, Phase.INSERT, plan.rows(t), chunkRows, stage);
            stages.add(stage);
        }
        List<Chunk> updates = new ArrayList<>();
        for (QualifiedName t : plan.tablesInLoadOrder()) {
            if (plan.hasDeferred(plan.schema().table(t))) split(t, Phase.UPDATE, plan.rows(t), chunkRows, updates);
        }
        if (!updates.isEmpty()) stages.add(updates);
        return stages;
    }

    private static void split(QualifiedName table, Phase phase, long rows, long chunkRows, List<Chunk> into) {
        for (long start = 0; start < rows; start += chunkRows) {
            into.add(new Chunk(table, phase, start, Math.min(rows, start + chunkRows)));
        }
    }
}
