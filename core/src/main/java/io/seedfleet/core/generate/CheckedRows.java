package io.seedfleet.core.generate;

import io.seedfleet.core.plan.CheckEvaluator;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CHECK constraints the analyzer could not turn into domains, satisfied by bounded retries: a row
 * whose values fail them draws its free columns again as a pure function of (row, attempt), by
 * asking their generators for a "virtual" row far outside the table's range. The first attempt
 * that passes is the row's, so any worker makes the same row. Columns other rows depend on (keys,
 * one-to-one and junction picks, ordered columns) are fixed and read, never redrawn.
 */
final class CheckedRows {
    static final int MAX_ATTEMPTS = 64;
    private static final long STRIDE = 1L << 40;

    private final List<CheckEvaluator.Compiled> checks;
    private final Map<String, ColumnGenerator> columns;
    private final Map<String, TypeKind> kinds;
    private final Set<String> free;
    private final ThreadLocal<long[]> lastRow = ThreadLocal.withInitial(() -> new long[] {-1, 0});
    private final ThreadLocal<CopyTextWriter> scratch = ThreadLocal.withInitial(() -> new CopyTextWriter(256));

    CheckedRows(List<CheckEvaluator.Compiled> checks, Map<String, ColumnGenerator> columns, Map<String, TypeKind> kinds, Set<String> free) {
        this.checks = List.copyOf(checks);
        this.columns = Map.copyOf(columns);
        this.kinds = Map.copyOf(kinds);
        this.free = Set.copyOf(free);
    }

    /** The free column's generator, reading the row's chosen attempt. */
    ColumnGenerator wrap(String column) {
        ColumnGenerator inner = columns.get(column);
        return (row, out) -> inner.write(virtual(row, attempt(row)), out);
    }

    /** How many of the first {@code sample} rows no attempt satisfies; checked before anything is written. */
    long unsatisfied(long sample) {
        long failures = 0;
        for (long row = 0; row < sample; row++) if (search(row) < 0) failures++;
        return failures;
    }

    /** How many of the given rows no attempt satisfies. */
    long unsatisfied(long[] sample) {
        long failures = 0;
        for (long row : sample) if (search(row) < 0) failures++;
        return failures;
    }

    private int attempt(long row) {
        long[] cached = lastRow.get();
        if (cached[0] != row) {
            int found = search(row);
            cached[0] = row;
            cached[1] = Math.max(found, 0); // unsatisfiable rows were reported at planning
        }
        return (int) cached[1];
    }

    private int search(long row) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, ColumnGenerator> c : columns.entrySet()) {
            if (!free.contains(c.getKey())) values.put(c.getKey(), value(c.getKey(), c.getValue(), row));
        }
        for (int k = 0; k < MAX_ATTEMPTS; k++) {
            for (String f : free) values.put(f, value(f, columns.get(f), virtual(row, k)));
            if (holds(values)) return k;
            if (free.isEmpty()) break;
        }
        return -1;
    }

    private boolean holds(Map<String, Object> values) {
        for (CheckEvaluator.Compiled check : checks) {
            try {
                if (!check.holds(values)) return false;
            } catch (RuntimeException cannotEvaluate) {
                return false;
            }
        }
        return true;
    }

    private static long virtual(long row, int attempt) {
        return attempt == 0 ? row : row + attempt * STRIDE;
    }

    /** The value as PostgreSQL would read it from the COPY text, typed for comparison. */
    private Object value(String column, ColumnGenerator g, long row) {
        CopyTextWriter out = scratch.get();
        out.reset();
        g.write(row, out);
        String text = new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8);
        if (text.equals("\\N")) return null;
        String v = CopyTextWriter.unescape(text);
        TypeKind kind = kinds.get(column);
        try {
            if (kind == null) return v;
            if (kind.isNumeric()) return new BigDecimal(v.replace(",", "").replace("$", ""));
            if (kind == TypeKind.BOOLEAN) return v.equals("t");
            if (kind == TypeKind.DATE) return LocalDate.parse(v);
            if (kind == TypeKind.TIMESTAMP) return CheckEvaluator.parseTimestampValue(v, false);
            if (kind == TypeKind.TIMESTAMPTZ) return CheckEvaluator.parseTimestampValue(v, true);
        } catch (RuntimeException notOfItsType) {
            return v; // NaN, Infinity and the like: compared as text
        }
        return v;
    }
}
