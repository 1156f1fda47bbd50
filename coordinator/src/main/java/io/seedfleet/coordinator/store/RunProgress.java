package io.seedfleet.coordinator.store;

import java.util.Map;

/** Chunks and rows done so far; rows count INSERT-phase chunks only, as UPDATE chunks revisit the same rows. */
public record RunProgress(long chunksDone, long chunksTotal, Map<String, Long> rowsDone) {}
