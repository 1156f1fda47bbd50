package io.seedfleet.coordinator.store;

import io.seedfleet.coordinator.run.RunState;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.MaskingRequested;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code seedfleet.runs}. {@code request} is the request as accepted, with its run id and
 * seed resolved, so planning it again (after a restart) gives the same run. A masking run has its
 * request in {@code masking} instead (and {@code request} null, seed 0).
 */
public record StoredRun(String runId, RunState state, long seed, GenerationRequested request, Map<String, Long> rowCounts,
                        String fingerprint, int stageCount, int currentStage, String error, List<String> problems,
                        Instant createdAt, Instant updatedAt, RunKind kind, MaskingRequested masking) {

    /** What a run makes: a generated dataset, or a masked copy of a source database. */
    public enum RunKind { GENERATION, MASKING }

    public boolean isMasking() {
        return kind == RunKind.MASKING;
    }
}
