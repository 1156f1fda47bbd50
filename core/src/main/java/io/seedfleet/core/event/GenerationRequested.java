package io.seedfleet.core.event;

import java.util.Map;

/**
 * A request for a dataset. {@code rows} gives counts per table; other root tables get
 * {@code defaultRows} and child tables {@code fanOut} times their largest parent. Without a seed,
 * one is chosen and reported. Without a run id, the coordinator assigns one.
 */
public record GenerationRequested(String runId, Target target, Map<String, Long> rows, Long defaultRows,
                                  Double fanOut, Long seed, Integer chunkRows) {}
