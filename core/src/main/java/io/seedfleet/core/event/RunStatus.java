package io.seedfleet.core.event;

/**
 * Where a run is, for QE consumers that follow runs: {@code state} is RUNNING (with the stage in
 * {@code detail}), COMPLETED, FAILED, VALIDATED or VALIDATION_FAILED.
 */
public record RunStatus(String runId, String state, String detail, long rowsDone, long rowsTotal) {}
