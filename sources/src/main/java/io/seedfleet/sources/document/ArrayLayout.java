package io.seedfleet.sources.document;

import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.sources.document.DocumentSchema.DocumentType;
import java.util.HashMap;
import java.util.Map;

/**
 * Which rows of an array's child table belong to which parent row. The engine spreads children over
 * parents with a power law and knows nothing of minItems/maxItems, so the layout is decided here: a
 * parent row gets a count within the bounds (a pure function of seed, table and row) and the next
 * that many child rows, in order; the child table is planned with exactly the sum. With uniqueItems,
 * spare rows are reserved and the writer takes the first distinct elements up to the count.
 */
final class ArrayLayout {
    private final Map<QualifiedName, long[]> offsets = new HashMap<>();
    private final Map<QualifiedName, Long> rows = new HashMap<>();

    static ArrayLayout of(Iterable<DocumentType> types, long documents, long seed) {
        ArrayLayout layout = new ArrayLayout();
        for (DocumentType type : types) {
            layout.rows.put(type.rootTable(), documents);
            layout.visit(type.shape(), type.rootTable(), documents, seed);
        }
        return layout;
    }

    /** Rows per table, for the planner. */
    Map<QualifiedName, Long> rows() {
        return rows;
    }

    /** The child rows of {@code parentRow}: from {@code [0]} (inclusive) to {@code [1]} (exclusive). */
    long from(QualifiedName child, long parentRow) {
        return offsets.get(child)[Math.toIntExact(parentRow)];
    }

    long to(QualifiedName child, long parentRow) {
        return offsets.get(child)[Math.toIntExact(parentRow) + 1];
    }

    private void visit(Shape shape, QualifiedName table, long tableRows, long seed) {
        if (shape instanceof Shape.Obj o) {
            o.properties().forEach(p -> visit(p.shape(), table, tableRows, seed));
        } else if (shape instanceof Shape.Choice c) {
            c.branches().forEach(b -> visit(b, table, tableRows, seed));
        } else if (shape instanceof Shape.Array a) {
            long[] at = new long[Math.toIntExact(tableRows) + 1];
            for (int r = 0; r < tableRows; r++) at[r + 1] = at[r] + reserved(a, count(a, seed, r));
            offsets.put(a.table(), at);
            rows.put(a.table(), at[at.length - 1]);
            visit(a.element(), a.table(), at[at.length - 1], seed);
        }
    }

    /** How many elements the array of a parent row has: within [minItems, maxItems], a pure function of the seed. */
    static int count(Shape.Array a, long seed, long parentRow) {
        long salt = mix(seed ^ a.table().toString().hashCode() * 0x9E3779B97F4A7C15L);
        int span = a.maxItems() - a.minItems() + 1;
        return a.minItems() + (int) Long.remainderUnsigned(mix(salt + parentRow), span);
    }

    /** Rows set aside for an array: twice as many (and two more) when its items must be unique, so duplicates can be skipped. */
    private static long reserved(Shape.Array a, int count) {
        return a.uniqueItems() ? 2L * count + 2 : count;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
