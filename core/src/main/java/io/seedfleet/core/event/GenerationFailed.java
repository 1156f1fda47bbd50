package io.seedfleet.core.event;

import java.util.List;

/** The run ended without a dataset: why, and every problem found (planning problems are found before writing). */
public record GenerationFailed(String runId, String reason, List<String> problems, boolean targetUntouched) {}
