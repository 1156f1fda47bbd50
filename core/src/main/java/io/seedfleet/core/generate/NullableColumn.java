package io.seedfleet.core.generate;

/** Writes NULL for a deterministic share of rows, the inner generator's value otherwise. */
public record NullableColumn(ColumnGenerator inner, long salt, int nullsPerThousand) implements ColumnGenerator {

    public boolean isNull(long row) {
        return Mix.belowInt(Mix.at(salt, row), 1000) < nullsPerThousand;
    }

    @Override
    public void write(long row, CopyTextWriter out) {
        if (isNull(row)) {
            out.writeNull();
        } else {
            inner.write(row, out);
        }
    }
}
