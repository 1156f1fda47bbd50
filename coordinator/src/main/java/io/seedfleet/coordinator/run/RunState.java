package io.seedfleet.coordinator.run;

/** Where a run is: planned, then stages released one by one, then ended either way. */
public enum RunState {
    PLANNING, RUNNING, COMPLETED, FAILED
}
