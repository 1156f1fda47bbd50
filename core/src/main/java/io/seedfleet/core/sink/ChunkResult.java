package io.seedfleet.core.sink;

/** What writing a chunk did: its rows and checksum, and whether an earlier delivery had already written it. */
public record ChunkResult(long rows, long checksum, boolean alreadyWritten, long millis) {}
