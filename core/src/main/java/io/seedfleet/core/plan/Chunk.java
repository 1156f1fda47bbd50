package io.seedfleet.core.plan;

import io.seedfleet.core.schema.QualifiedName;

/** A unit of work: rows [start, end) of a table in one phase. Any worker can make it, any number of times. */
public record Chunk(QualifiedName table, Phase phase, long start, long end) {

    /** Insert writes the rows; update fills in foreign keys that a cycle deferred. */
    public enum Phase { INSERT, UPDATE }

    public long rows() {
        return end - start;
    }
}
