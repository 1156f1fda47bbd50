package io.seedfleet.core.generate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A column that, for a deterministic share of rows, writes one of its edge values instead of a
 * realistic one. Which rows, and which edge, are functions of the row index like everything else.
 */
final class EdgeCaseColumn implements ColumnGenerator {
    private final ColumnGenerator inner;
    private final List<EdgeCases.Edge> edges;
    private final long salt;
    private final int perMille;

    EdgeCaseColumn(ColumnGenerator inner, List<EdgeCases.Edge> edges, long salt, int perMille) {
        this.inner = inner;
        this.edges = List.copyOf(edges);
        this.salt = salt;
        this.perMille = perMille;
    }

    /** The edge this row gets, or -1 for a realistic value. */
    private int edgeIndex(long row) {
        long r = Mix.at(salt, row);
        return Mix.belowInt(r, 1000) < perMille ? (int) ((r & 0xFFFFFFFFL) % edges.size()) : -1;
    }

    @Override
    public void write(long row, CopyTextWriter out) {
        int e = edgeIndex(row);
        if (e < 0) inner.write(row, out);
        else out.bytes(edges.get(e).copyText());
    }

    /** The edge classes rows [0, rows) receive; stops scanning once every class has been seen. */
    Set<String> classesIn(long rows) {
        Set<String> seen = new LinkedHashSet<>();
        for (long row = 0; row < rows && seen.size() < edges.size(); row++) {
            int e = edgeIndex(row);
            if (e >= 0) seen.add(edges.get(e).edgeClass());
        }
        return seen;
    }
}
