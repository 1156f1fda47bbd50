package io.seedfleet.core.event;

import java.util.Map;

/**
 * One chunk to make: a descriptor, never data. A worker reads the target's schema (checking its
 * fingerprint), rebuilds the plan from {@code rowCounts} and {@code seed}, and writes rows
 * [rowStart, rowEnd) of {@code table} in {@code phase} (INSERT, or UPDATE for cycle-deferred keys).
 */
public record ChunkWork(String runId, Target target, long seed, long anchorEpochMicros, int edgeCasesPerMille, Map<String, Integer> localeMix, Map<String, Long> rowCounts,
                        String schemaFingerprint, int stage, String table, String phase, long rowStart, long rowEnd) {
    public ChunkWork withTarget(Target other) {
        return new ChunkWork(runId, other, seed, anchorEpochMicros, edgeCasesPerMille, localeMix, rowCounts, schemaFingerprint, stage, table,
                phase, rowStart, rowEnd);
    }
}
