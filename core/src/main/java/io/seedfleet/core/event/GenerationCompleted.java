package io.seedfleet.core.event;

import java.util.List;
import java.util.Map;

/**
 * Every chunk is written and sequences are advanced: rows and checksum per table, and which
 * edge-case classes each column received (table, then column, then classes).
 */
public record GenerationCompleted(String runId, Target target, long seed, Map<String, TableTotal> tables,
                                  long totalRows, long durationMs, Map<String, Map<String, List<String>>> edgeCoverage) {
    public record TableTotal(long rows, String checksum) {}
}
