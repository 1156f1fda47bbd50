package io.seedfleet.core.generate;

import io.seedfleet.core.plan.ColumnDomain;
import io.seedfleet.core.schema.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers, dates and times: a realistic range for the column's meaning, intersected with what its
 * type and CHECK constraints allow; unique values spread over that range by a permutation; and
 * columns that must follow another ({@code ends_at > starts_at}, {@code updated_at} after
 * {@code created_at}) derived from it plus a positive gap.
 */
final class NumericValues {
    private static final long HOUR = 3_600_000_000L;

    private NumericValues() {}

    /** How values spread over a range: evenly, bell-shaped around a centre, or skewed to small values with a long tail. */
    enum Distribution { UNIFORM, NORMAL, LOG_NORMAL }

    /**
     * A range in the column's units and the distribution over it; for NORMAL, {@code centre} is
     * where the bell peaks as a fraction of the range (a typical age is not the middle of 18..90).
     */
    private record Range(long lo, long hi, Distribution distribution, double centre) {
        Range(long lo, long hi, Distribution distribution) {
            this(lo, hi, distribution, 0.5);
        }
    }

    /** Another column this one follows, and the gap in units. */
    private record Follows(LongColumn base, long minGap, long maxGap) {}

    /** The values a column's type and CHECK bounds allow, in its units: {lowest, highest}. */
    static long[] bounds(Units u, ColumnDomain d) {
        long lo = u.min();
        long hi = u.max();
        if (!d.ranges().isEmpty()) {
            long[][] ranges = ranges(u, d);
            lo = Math.max(lo, ranges[0][0]);
            hi = Math.min(hi, ranges[ranges.length - 1][1]);
        }
        if (d.lower() != null) lo = Math.max(lo, u.parse(d.lower().literal(), true) + (d.lower().strict() ? u.granularity() : 0));
        if (d.upper() != null) hi = Math.min(hi, u.parse(d.upper().literal(), false) - (d.upper().strict() ? u.granularity() : 0));
        return new long[] {lo, hi};
    }

    static LongColumn build(TableGeneratorBuilder b, Column c, Units u, ColumnDomain d, boolean unique) {
        long[] bounds = bounds(u, d);
        long lo = bounds[0];
        long hi = bounds[1];
        if (lo > hi) {
            b.problem(c.name(), "its CHECK constraints leave no value (" + d.lower() + " .. " + d.upper() + ")");
            return constant(u, u.min());
        }
        Semantic semantic = Semantic.classify(b.table(), c);
        Range r = intersect(realistic(semantic, u, b.anchor(), c), lo, hi);
        long salt = b.salt(c.name());
        if (unique) return unique(b, c, u, r, lo, hi, salt);
        List<Follows> follows = follows(b, c, u, d, semantic);
        LongColumn age = semantic == Semantic.AGE && follows.isEmpty() ? ageFromBirthDate(b, c, u, lo, hi) : null;
        if (age != null) return age;
        LongColumn values;
        if (!follows.isEmpty()) {
            b.markDerived(c.name());
            values = derived(follows, u, hi, salt);
        } else {
            values = random(u, r, salt);
        }
        return d.ranges().isEmpty() ? values : fittedToRanges(values, ranges(u, d), u);
    }

    /** An age that agrees with the row's birth date: whole years from it to the anchor date. */
    private static LongColumn ageFromBirthDate(TableGeneratorBuilder b, Column c, Units u, long lo, long hi) {
        if (u.temporal()) return null;
        for (Column other : b.table().columns()) {
            if (other == c || Semantic.classify(b.table(), other) != Semantic.BIRTH_DATE) continue;
            Units birthUnits = Units.of(other.type());
            if (birthUnits == null || !birthUnits.temporal() || birthUnits.format() == LongColumn.Format.TIME) continue;
            LongColumn birth = b.relatedLongColumn(other.name());
            if (birth == null) continue;
            b.markDerived(c.name());
            java.time.LocalDate today = java.time.LocalDate.ofEpochDay(Math.floorDiv(b.anchor(), Units.MICROS_PER_DAY));
            long perDay = birthUnits.day();
            long one = CopyTextWriter.POW10[u.scale()];
            return new LongColumn(row -> {
                java.time.LocalDate born = java.time.LocalDate.ofEpochDay(Math.floorDiv(birth.value(row), perDay));
                long years = java.time.Period.between(born, today).getYears();
                return Math.max(lo, Math.min(hi, years * one));
            }, u.format(), u.scale());
        }
        return null;
    }

    /** Partition ranges in units, inclusive, sorted: [[from, to - granularity], ...]. */
    private static long[][] ranges(Units u, ColumnDomain d) {
        return d.ranges().stream()
                .map(x -> new long[] {x.from() == null ? u.min() : u.parse(x.from(), true),
                        x.to() == null ? u.max() : u.parse(x.to(), true) - u.granularity()})
                .filter(x -> x[0] <= x[1])
                .sorted(java.util.Comparator.comparingLong(x -> x[0]))
                .toArray(long[][]::new);
    }

    /** A value in a gap between partitions moves to the start of the next one (or the end of the last). */
    private static LongColumn fittedToRanges(LongColumn values, long[][] ranges, Units u) {
        return new LongColumn(row -> {
            long v = values.value(row);
            for (long[] range : ranges) {
                if (v < range[0]) return range[0];
                if (v <= range[1]) return v;
            }
            return ranges[ranges.length - 1][1];
        }, u.format(), u.scale());
    }

    private static LongColumn constant(Units u, long v) {
        return new LongColumn(row -> v, u.format(), u.scale());
    }

    private static LongColumn random(Units u, Range r, long salt) {
        long g = u.granularity();
        long steps = (r.hi() - r.lo()) / g + 1;
        long lo = r.lo();
        long hi = r.hi();
        if (r.distribution() == Distribution.LOG_NORMAL && lo >= 1 && hi > lo * 4) {
            // Median at the geometric mean of the range, 99.7% of values inside it.
            double mu = (Math.log(lo) + Math.log(hi)) / 2;
            double sigma = (Math.log(hi) - Math.log(lo)) / 6;
            return new LongColumn(row -> clamp((long) Math.exp(mu + sigma * gaussian(salt, row)), lo, hi, g), u.format(), u.scale());
        }
        if (r.distribution() == Distribution.NORMAL && steps > 2) {
            double mean = lo + r.centre() * (hi - lo);
            double sd = (hi - lo) / 5.0;
            return new LongColumn(row -> clamp((long) (mean + sd * gaussian(salt, row)), lo, hi, g), u.format(), u.scale());
        }
        return new LongColumn(row -> lo + Mix.below(Mix.at(salt, row), steps) * g, u.format(), u.scale());
    }

    /** A standard normal draw for the row (Box-Muller over two counter-based uniforms). */
    private static double gaussian(long salt, long row) {
        double u1 = Math.max(Mix.unit(Mix.at(salt, row)), 1e-12);
        double u2 = Mix.unit(Mix.at(salt + 1, row));
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long clamp(long v, long lo, long hi, long granularity) {
        long inside = Math.max(lo, Math.min(hi, v));
        return lo + (inside - lo) / granularity * granularity;
    }

    private static LongColumn unique(TableGeneratorBuilder b, Column c, Units u, Range r, long lo, long hi, long salt) {
        long rows = Math.max(1, b.rows());
        long g = u.granularity();
        long span = (r.hi() - r.lo()) / g + 1;
        long start = r.lo();
        if (span < rows) {
            // The realistic range is too narrow: grow it upwards from its start (numbers 1..rows
            // rather than the type's extremes), and downwards only if the type's maximum forces it.
            start = Math.max(lo, Math.min(r.lo(), hi - (rows - 1) * g));
            span = Math.min(rows, (hi - start) / g + 1);
        }
        if (span < rows || span <= 0) {
            b.problem(c.name(), "unique, but its type and CHECK constraints allow only " + Math.max(span, 0) + " values for " + rows + " rows");
            return constant(u, lo);
        }
        long step = Math.max(1, span / rows) * g;
        Permutation p = new Permutation(rows, salt);
        long base = start;
        return new LongColumn(row -> base + p.apply(row) * step, u.format(), u.scale());
    }

    private static LongColumn derived(List<Follows> follows, Units u, long hi, long salt) {
        Follows[] f = follows.toArray(Follows[]::new);
        long g = u.granularity();
        return new LongColumn(row -> {
            long base = Long.MIN_VALUE;
            long minGap = 0;
            long maxGap = 0;
            for (Follows x : f) {
                long v = x.base().value(row);
                if (v + x.minGap() > base + minGap) {
                    base = v;
                    minGap = x.minGap();
                    maxGap = x.maxGap();
                }
            }
            long steps = Math.max(0, (maxGap - minGap) / g);
            long v = base + minGap + Mix.below(Mix.at(salt, row), steps + 1) * g;
            return v > hi && base + minGap <= hi ? hi : v;
        }, u.format(), u.scale());
    }

    /** CHECK relations first; then the ordering people expect of timestamps even when no CHECK says so. */
    private static List<Follows> follows(TableGeneratorBuilder b, Column c, Units u, ColumnDomain d, Semantic s) {
        List<Follows> out = new ArrayList<>();
        long g = u.granularity();
        long day = u.temporal() ? u.day() : 0;
        for (ColumnDomain.Relation rel : d.relations()) {
            LongColumn base = b.relatedLongColumn(rel.other());
            if (base == null || base.format() != u.format() && !(u.temporal() && sameClock(base, u))) {
                b.problem(c.name(), "must be " + rel.op() + " " + rel.other() + ", which is not a number or time this engine can relate yet");
                continue;
            }
            long min = rel.op() == ColumnDomain.Op.GT ? g : 0;
            long max = day > 0 ? Math.max(min, gap(s, day)) : Math.max(min, 100);
            out.add(new Follows(base, Math.max(min, minGap(s, u)), max));
        }
        if (out.isEmpty() && u.temporal()) {
            for (Semantic before : precedents(s)) {
                for (Column other : b.table().columns()) {
                    if (other == c || Semantic.classify(b.table(), other) != before || Units.of(other.type()) == null
                            || Units.of(other.type()).day() != u.day()) continue;
                    LongColumn base = b.relatedLongColumn(other.name());
                    if (base != null) {
                        out.add(new Follows(base, minGap(s, u), gap(s, day)));
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static boolean sameClock(LongColumn base, Units u) {
        LongColumn.Format f = base.format();
        boolean baseMicros = f == LongColumn.Format.TIMESTAMP || f == LongColumn.Format.TIMESTAMPTZ;
        boolean micros = u.format() == LongColumn.Format.TIMESTAMP || u.format() == LongColumn.Format.TIMESTAMPTZ;
        return baseMicros && micros;
    }

    private static List<Semantic> precedents(Semantic s) {
        return switch (s) {
            case UPDATED_AT -> List.of(Semantic.CREATED_AT);
            case DELETED_AT -> List.of(Semantic.UPDATED_AT, Semantic.CREATED_AT);
            case END_AT -> List.of(Semantic.START_AT, Semantic.CREATED_AT);
            case EXPIRES_AT -> List.of(Semantic.START_AT, Semantic.CREATED_AT);
            default -> List.of();
        };
    }

    private static long minGap(Semantic s, Units u) {
        if (!u.temporal()) return 0;
        long unit = u.day() == 1 ? 1 : HOUR;
        return switch (s) {
            case DELETED_AT, END_AT -> unit;
            case EXPIRES_AT -> u.day();
            default -> 0;
        };
    }

    private static long gap(Semantic s, long day) {
        return switch (s) {
            case UPDATED_AT -> 180 * day;
            case END_AT -> 90 * day;
            default -> 365 * day;
        };
    }

    private static Range intersect(Range realistic, long lo, long hi) {
        long a = Math.max(realistic.lo(), lo);
        long b = Math.min(realistic.hi(), hi);
        return a <= b ? new Range(a, b, realistic.distribution(), realistic.centre()) : new Range(lo, hi, Distribution.UNIFORM);
    }

    /** The range a column of this meaning usually holds, in the column's units. */
    private static Range realistic(Semantic s, Units u, long anchor, Column c) {
        if (u.temporal()) {
            long day = u.day();
            long now = u.day() == 1 ? Math.floorDiv(anchor, Units.MICROS_PER_DAY) : u.align(anchor, false);
            if (u.format() == LongColumn.Format.TIME) return new Range(8 * HOUR, 20 * HOUR, Distribution.UNIFORM);
            return switch (s) {
                case BIRTH_DATE -> new Range(now - 80 * 365 * day, now - 18 * 365 * day, Distribution.UNIFORM);
                case CREATED_AT, UPDATED_AT -> new Range(now - 3 * 365 * day, now, Distribution.UNIFORM);
                case EXPIRES_AT, FUTURE_EVENT -> new Range(now + day, now + 365 * day, Distribution.UNIFORM);
                case START_AT -> new Range(now - 365 * day, now + 30 * day, Distribution.UNIFORM);
                default -> new Range(now - 365 * day, now, Distribution.UNIFORM);
            };
        }
        long one = CopyTextWriter.POW10[Math.min(u.scale(), 18)];
        boolean cents = Semantic.tokens(c.name()).contains("cents");
        return switch (s) {
            case AMOUNT -> cents ? new Range(100, 500_000, Distribution.LOG_NORMAL) : new Range(one, 5_000 * one, Distribution.LOG_NORMAL);
            case QUANTITY -> new Range(one, 20 * one, Distribution.LOG_NORMAL);
            case PERCENT -> new Range(0, 100 * one, Distribution.UNIFORM);
            case AGE -> new Range(18 * one, 90 * one, Distribution.NORMAL, 0.3);
            case RATING -> new Range(one, 5 * one, Distribution.NORMAL, 0.7);
            case COUNT -> new Range(0, 500 * one, Distribution.LOG_NORMAL);
            case YEAR -> new Range(1950 * one, 2030 * one, Distribution.UNIFORM);
            case LATITUDE -> new Range(-90 * one, 90 * one, Distribution.UNIFORM);
            case LONGITUDE -> new Range(-180 * one, 180 * one, Distribution.UNIFORM);
            default -> new Range(one, 1000 * one, Distribution.UNIFORM);
        };
    }
}
