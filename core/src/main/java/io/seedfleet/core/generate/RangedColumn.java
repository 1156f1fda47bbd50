package io.seedfleet.core.generate;

import io.seedfleet.core.definition.Rules.Segment;
import java.util.List;

/**
 * A column whose generator depends on the row's range: a scenario group's rows [c1, c1 + c2) take
 * that group's rules, the rest the table's. The last segment holding a row wins; rows no segment
 * holds take {@code fallback}.
 */
final class RangedColumn implements ColumnGenerator {
    private final ColumnGenerator fallback;
    private final long[] from;
    private final long[] to;
    private final ColumnGenerator[] generators;

    RangedColumn(ColumnGenerator fallback, List<Segment> segments, List<ColumnGenerator> generators) {
        this.fallback = fallback;
        this.from = segments.stream().mapToLong(Segment::from).toArray();
        this.to = segments.stream().mapToLong(Segment::to).toArray();
        this.generators = generators.toArray(ColumnGenerator[]::new);
    }

    ColumnGenerator at(long row) {
        for (int i = generators.length - 1; i >= 0; i--) {
            if (row >= from[i] && row < to[i]) return generators[i];
        }
        return fallback;
    }

    @Override
    public void write(long row, CopyTextWriter out) {
        ColumnGenerator g = at(row);
        if (g == null) out.writeNull(); // unreachable when the segments cover every row without a fallback
        else g.write(row, out);
    }

    /** The same dispatch over long values, when every generator is a long column of one format (related columns follow it). */
    LongColumn asLongs() {
        LongColumn first = null;
        LongColumn[] longs = new LongColumn[generators.length];
        for (int i = 0; i < generators.length; i++) {
            // A follower compares with the value when there is one (a NULL satisfies a CHECK): follow the non-null values.
            ColumnGenerator g = generators[i] instanceof NullableColumn n ? n.inner() : generators[i];
            if (!(g instanceof LongColumn l)) return null;
            longs[i] = l;
            if (first != null && (first.format() != l.format() || first.scale() != l.scale())) return null;
            if (first == null) first = l;
        }
        if (fallback != null && !(fallback instanceof LongColumn l && first != null && l.format() == first.format() && l.scale() == first.scale())) {
            return null;
        }
        if (first == null) return null;
        LongColumn fallbackLongs = (LongColumn) fallback;
        return new LongColumn(row -> {
            for (int i = longs.length - 1; i >= 0; i--) if (row >= from[i] && row < to[i]) return longs[i].value(row);
            return fallbackLongs.value(row);
        }, first.format(), first.scale());
    }
}
