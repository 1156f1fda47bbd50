package io.seedfleet.core.event;

/** A chunk could not be written; nothing of it was committed. */
public record ChunkFailed(String runId, int stage, String table, String phase, long rowStart, long rowEnd,
                          String error, String worker) {}
