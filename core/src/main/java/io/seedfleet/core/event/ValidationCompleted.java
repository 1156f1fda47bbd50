package io.seedfleet.core.event;

import java.util.List;

/** The validator's verdict on a run's target, one result per check. */
public record ValidationCompleted(String runId, boolean passed, List<CheckResult> checks, long durationMs) {
    /** One check: what it is, on which table and constraint, and how many rows violate it. */
    public record CheckResult(String name, String table, String constraint, boolean passed, long violations, List<String> examples) {}
}
