package io.seedfleet.core.generate;

/**
 * Which parent row a child row's foreign key points at: a pure function of the child row index,
 * returning -1 for NULL. All columns of one (composite) foreign key share one picker, so they
 * always name the same parent row.
 */
@FunctionalInterface
public interface ParentPicker {
    long pick(long row);

    /** Uniform over the parent's rows. */
    static ParentPicker uniform(long parentRows, long salt) {
        return row -> Mix.below(Mix.at(salt, row), parentRows);
    }

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

    /** A tree over the table's own rows (filled in by the update phase): parents come earlier. */
    static ParentPicker tree(long salt) {
        return row -> row == 0 ? -1 : Mix.below(Mix.at(salt, row), row);
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
}
