package io.seedfleet.core.event;

/** A chunk is in the target; {@code alreadyWritten} says a redelivery found it written before. */
public record ChunkCompleted(String runId, int stage, String table, String phase, long rowStart, long rowEnd,
                             long rows, String checksum, long durationMs, boolean alreadyWritten, String worker) {}
