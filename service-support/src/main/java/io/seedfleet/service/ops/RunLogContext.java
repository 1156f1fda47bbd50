package io.seedfleet.service.ops;

import org.jboss.logging.MDC;

/**
 * Puts the run id in the logging context (MDC key {@code runId}) while a unit of a run is handled, so
 * every line logged for it, JSON logs included, can be filtered by run. Only the id goes there: it
 * names a run, not a person, and carries no credentials.
 */
public final class RunLogContext implements AutoCloseable {
    public static final String KEY = "runId";

    private final Object previous;

    private RunLogContext(String runId) {
        this.previous = MDC.get(KEY);
        MDC.put(KEY, runId);
    }

    /** {@code try (var ignored = RunLogContext.of(runId)) { ... }} */
    public static RunLogContext of(String runId) {
        return new RunLogContext(runId == null ? "" : runId);
    }

    /** Restores what was there before: a worker thread handles many runs in turn. */
    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
