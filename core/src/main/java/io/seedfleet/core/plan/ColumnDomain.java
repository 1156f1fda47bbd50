package io.seedfleet.core.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CHECK constraints of a table allow for one column: numeric or temporal bounds, a list
 * of allowed values, length bounds, and ordering relations to other columns of the same row.
 * Bounds are inclusive; strict comparisons with integer-like constants are tightened by the
 * generator that knows the column's unit.
 */
public final class ColumnDomain {
    /** {@code column op other}: for example ends_at > starts_at is (GT, "starts_at"). */
    public record Relation(Op op, String other) {}

    public enum Op { GT, GE, LT, LE }

    public record Bound(String literal, boolean strict) {
        public BigDecimal number() {
            return new BigDecimal(literal);
        }
    }

    /** A half-open range [from, to) of literals (null for MINVALUE/MAXVALUE), as partition bounds give. */
    public record Range(String from, String to) {}

    Bound lower;
    final List<Range> ranges = new ArrayList<>();
    Bound upper;
    List<String> allowed;
    Integer minLength;
    Integer maxLength;
    boolean mustBeNull;
    final List<Relation> relations = new ArrayList<>();

    public Bound lower() {
        return lower;
    }

    public Bound upper() {
        return upper;
    }

    /** The values an IN list or equality allows, as literals; null when unrestricted. */
    public List<String> allowed() {
        return allowed;
    }

    /** Ranges the value must fall in (one of them); empty when unrestricted. */
    public List<Range> ranges() {
        return ranges;
    }

    public Integer minLength() {
        return minLength;
    }

    public Integer maxLength() {
        return maxLength;
    }

    public boolean mustBeNull() {
        return mustBeNull;
    }

    public List<Relation> relations() {
        return relations;
    }

    public boolean isUnrestricted() {
        return lower == null && upper == null && allowed == null && minLength == null && maxLength == null
                && relations.isEmpty() && ranges.isEmpty() && !mustBeNull;
    }

    void tightenLower(Bound b) {
        if (lower == null || compare(b, lower) > 0) lower = b;
    }

    void tightenUpper(Bound b) {
        if (upper == null || compare(b, upper) < 0) upper = b;
    }

    public void withinRanges(List<Range> union) {
        ranges.addAll(union);
    }

    public void restrictTo(List<String> values) {
        if (allowed == null) {
            allowed = new ArrayList<>(values);
        } else {
            allowed.retainAll(values);
        }
    }

    void minLength(int n) {
        minLength = minLength == null ? n : Math.max(minLength, n);
    }

    void maxLength(int n) {
        maxLength = maxLength == null ? n : Math.min(maxLength, n);
    }

    private static int compare(Bound a, Bound b) {
        try {
            int c = a.number().compareTo(b.number());
            return c != 0 ? c : Boolean.compare(a.strict(), b.strict());
        } catch (NumberFormatException notNumeric) {
            return a.literal().compareTo(b.literal());
        }
    }
}
