package io.seedfleet.masking.run;

import java.time.Duration;
import java.util.Map;

/** What a masking run copied: rows per table ({@code schema.table}), in how long. */
public record MaskSummary(Map<String, Long> rowsPerTable, Duration elapsed) {
    public MaskSummary {
        rowsPerTable = Map.copyOf(rowsPerTable);
    }

    public long rows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return rows() / seconds;
    }
}
