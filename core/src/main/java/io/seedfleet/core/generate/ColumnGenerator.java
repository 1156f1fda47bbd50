package io.seedfleet.core.generate;

/** Writes one column's value for a row index into a COPY row. Pure: the same row gives the same bytes. */
@FunctionalInterface
public interface ColumnGenerator {
    void write(long row, CopyTextWriter out);
}
