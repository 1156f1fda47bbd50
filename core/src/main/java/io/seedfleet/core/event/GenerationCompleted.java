package io.seedfleet.core.event;

import java.util.Map;

/** Every chunk is written and sequences are advanced: rows and checksum per table. */
public record GenerationCompleted(String runId, Target target, long seed, Map<String, TableTotal> tables,
                                  long totalRows, long durationMs) {
    public record TableTotal(long rows, String checksum) {}
}
