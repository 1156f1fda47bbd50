package io.seedfleet.core.generate;

/**
 * Which parent row a child row's foreign key points at: a pure function of the child row index,
 * returning -1 for NULL. All columns of one (composite) foreign key share one picker, so they
 * always name the same parent row.
 */
@FunctionalInterface
public interface ParentPicker {
    long pick(long row);

    /**
     * Round robin: row {@code i} points at parent {@code i mod n}. Used where a child of this table
     * must find "a row of parent k" (correlated foreign keys): the rows of parent k are then simply
     * k, k + n, k + 2n, ...
     */
    static ParentPicker modulo(long parentRows) {
        return row -> row % parentRows;
    }

    /** One-to-one: a permutation, so no parent is picked twice. */
    static ParentPicker oneToOne(long parentRows, long salt) {
        Permutation p = new Permutation(parentRows, salt);
        return p::apply;
    }

    /** A NOT NULL self-reference: each row points at itself, the only row surely present. */
    static ParentPicker self() {
        return row -> row;
    }

    /**
     * Power-law fan-out, as real data has it (a few customers with many orders, most with a few):
     * parent {@code floor(n * u^exponent)} of a uniform u, then permuted so that the popular parents
     * are spread over the table rather than being its first rows. With exponent 1.6 the busiest
     * tenth of the parents has about a quarter of the children.
     */
    static ParentPicker powerLaw(long parentRows, long salt, double exponent) {
        Permutation spread = new Permutation(parentRows, salt + 2);
        return row -> spread.apply(Math.min(parentRows - 1, (long) (parentRows * Math.pow(Mix.unit(Mix.at(salt, row)), exponent))));
    }

    /** The levels of a self-reference tree: no chain is longer than this. */
    int TREE_DEPTH = 5;

    /**
     * A tree over the table's own rows (filled in by the update phase) with at most
     * {@value #TREE_DEPTH} levels: level l holds rows [B(l-1), B(l)) with B(l) = ceil(n^(l/depth)),
     * the first level are roots, and a row's parent is a row of the level above.
     */
    static ParentPicker tree(long rows, long salt) {
        long[] bounds = new long[TREE_DEPTH + 1];
        for (int l = 1; l <= TREE_DEPTH; l++) bounds[l] = Math.max(bounds[l - 1] + 1, (long) Math.ceil(Math.pow(rows, (double) l / TREE_DEPTH)));
        return row -> {
            int level = 1;
            while (level < TREE_DEPTH && row >= bounds[level]) level++;
            if (level == 1) return -1;
            long from = bounds[level - 2];
            return from + Mix.below(Mix.at(salt, row), bounds[level - 1] - from);
        };
    }

    /** The same picks with a share of NULLs, decided once per row for the whole key. */
    default ParentPicker withNulls(long salt, int nullsPerThousand) {
        return row -> Mix.belowInt(Mix.at(salt, row), 1000) < nullsPerThousand ? -1 : pick(row);
    }

    /**
     * Pickers for a junction key over several foreign keys: the row index is read as a mixed-radix
     * number whose digits are the parents' row indexes, so no combination repeats. Each digit after
     * the first is shifted by a hash of the previous one, so the pairs do not look sequential.
     */
    static ParentPicker[] junction(long[] parentRows, long salt) {
        ParentPicker[] pickers = new ParentPicker[parentRows.length];
        for (int i = 0; i < parentRows.length; i++) {
            final int digit = i;
            pickers[i] = row -> {
                long rest = row;
                long value = 0;
                for (int d = 0; d <= digit; d++) {
                    long radix = parentRows[d];
                    long raw = rest % radix;
                    rest /= radix;
                    // For a fixed previous digit this is a rotation of [0, radix): still one-to-one.
                    value = d == 0 ? raw : (raw + Mix.below(Mix.at(salt + d, value), radix)) % radix;
                }
                return value;
            };
        }
        return pickers;
    }

    /**
     * Children assigned by per-parent counts: {@code ends[p]} is the number of child rows of
     * parents {@code 0..p} (prefix sums), so child row r belongs to the first parent whose range
     * holds it, and parent p has exactly {@code ends[p] - ends[p-1]} children.
     */
    static ParentPicker byCounts(long[] ends) {
        return row -> {
            int lo = 0;
            int hi = ends.length - 1;
            if (hi < 0 || row >= ends[hi]) return -1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] > row) hi = mid; else lo = mid + 1;
            }
            return lo;
        };
    }
}
