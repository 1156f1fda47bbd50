package io.seedfleet.core.plan;

import java.util.Map;

/**
 * How many rows the user asked for: explicit counts per table (by {@code table} or
 * {@code schema.table}), a default for root tables, and the fan-out that scales child tables from
 * their largest parent.
 */
public record RowCounts(Map<String, Long> perTable, long defaultRootRows, double fanOut) {
    public static final long DEFAULT_ROOT_ROWS = 1000;
    public static final double DEFAULT_FAN_OUT = 3.0;

    public RowCounts {
        perTable = perTable == null ? Map.of() : Map.copyOf(perTable);
        if (defaultRootRows < 0) throw new IllegalArgumentException("default rows must not be negative");
        if (fanOut <= 0) throw new IllegalArgumentException("fan-out must be positive");
    }

    public static RowCounts defaults() {
        return new RowCounts(Map.of(), DEFAULT_ROOT_ROWS, DEFAULT_FAN_OUT);
    }
}
