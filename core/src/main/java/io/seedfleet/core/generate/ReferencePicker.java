package io.seedfleet.core.generate;

import io.seedfleet.core.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code reference} rule: picks uniformly among the parent rows whose generated values match
 * {@code where}. The matches are found by rendering the parent's rows once every table is built
 * ({@link #resolve}); picks are a pure function of the row index.
 */
final class ReferencePicker implements ParentPicker {
    final QualifiedName parent;
    final Map<String, Object> where;
    private final long salt;
    private long[] matches;

    ReferencePicker(QualifiedName parent, Map<String, Object> where, long salt) {
        this.parent = parent;
        this.where = where == null ? Map.of() : Map.copyOf(where);
        this.salt = salt;
    }

    /** Scans the parent's rows; false when none matches (or a where column is not written). */
    boolean resolve(TableGeneratorBuilder parentBuilder, ForeignKeyBinder.Problems problems, String subject) {
        long rows = parentBuilder.rows();
        parentRows = rows;
        if (where.isEmpty()) {
            matches = new long[0];
            return rows > 0;
        }
        List<ColumnGenerator> columns = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (var e : where.entrySet()) {
            ColumnGenerator g = parentBuilder.insertGenerator(e.getKey());
            if (g == null) {
                problems.report(subject, "reference where: " + parent + "." + e.getKey() + " is not a column this engine writes");
                return false;
            }
            parentBuilder.markDerived(e.getKey()); // its values must not be redrawn after this scan
            columns.add(g);
            wanted.add(RenderedValue.literal(e.getValue()));
        }
        List<Long> found = new ArrayList<>();
        for (long p = 0; p < rows; p++) {
            boolean all = true;
            for (int i = 0; i < columns.size() && all; i++) all = RenderedValue.matches(RenderedValue.of(columns.get(i), p), wanted.get(i));
            if (all) found.add(p);
        }
        matches = found.stream().mapToLong(Long::longValue).toArray();
        if (matches.length == 0) {
            problems.report(subject, "reference: no row of " + parent + " matches " + where + " among its " + rows + " planned rows");
            return false;
        }
        return true;
    }

    /** With no {@code where}, any of the parent's rows. */
    private long parentRows = -1;

    @Override
    public long pick(long row) {
        long[] m = matches;
        if (m == null) return -1; // unresolved only when planning already failed (Dataset.of throws)
        if (m.length == 0) return parentRows <= 0 ? -1 : Mix.below(Mix.at(salt, row), parentRows);
        return m[(int) Mix.below(Mix.at(salt, row), m.length)];
    }
}
