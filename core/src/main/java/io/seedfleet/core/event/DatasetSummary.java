package io.seedfleet.core.event;

import java.util.List;

/**
 * The summary published as {@code test-data-architect:completed} once a dataset is generated and
 * validated, for consumers that already listen for that type.
 */
public record DatasetSummary(String runId, long recordsGenerated, int tablesCovered, List<String> schemasCovered,
                             boolean validationPassed) {}
