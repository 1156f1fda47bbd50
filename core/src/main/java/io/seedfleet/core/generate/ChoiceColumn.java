package io.seedfleet.core.generate;

import java.util.List;

/**
 * Picks from a fixed list of values, pre-escaped to COPY bytes, with optional weights (a cumulative
 * table searched per row). Used for enums, IN lists and pooled realistic values.
 */
public final class ChoiceColumn implements ColumnGenerator {
    private final byte[][] values;
    private final long[] cumulative;
    private final long salt;

    public ChoiceColumn(List<String> values, long[] weights, long salt) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values to choose from");
        this.values = values.stream().map(CopyTextWriter::escape).toArray(byte[][]::new);
        this.salt = salt;
        if (weights == null) {
            this.cumulative = null;
        } else {
            this.cumulative = new long[weights.length];
            long sum = 0;
            for (int i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i];
        }
    }

    /** Weights that fall off as 1/(k+1): the first values dominate, as statuses do in real data. */
    public static long[] zipfWeights(int n) {
        long[] w = new long[n];
        for (int i = 0; i < n; i++) w[i] = 1_000_000L / (i + 1);
        return w;
    }

    public int index(long row) {
        long r = Mix.at(salt, row);
        if (cumulative == null) return Mix.belowInt(r, values.length);
        long target = Mix.below(r, cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    @Override
    public void write(long row, CopyTextWriter out) {
        out.bytes(values[index(row)]);
    }
}
