package io.seedfleet.core.event;

import java.util.List;
import java.util.Map;

/** The validator's verdict on a run's target, one result per check, with the edge cases the run's data holds. */
public record ValidationCompleted(String runId, boolean passed, List<CheckResult> checks, long durationMs,
                                  Map<String, Map<String, List<String>>> edgeCoverage) {
    /** One check: what it is, on which table and constraint, and how many rows violate it. */
    public record CheckResult(String name, String table, String constraint, boolean passed, long violations, List<String> examples) {}
}
