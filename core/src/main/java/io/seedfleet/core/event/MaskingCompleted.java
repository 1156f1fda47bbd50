package io.seedfleet.core.event;

import java.util.List;
import java.util.Map;

/**
 * A masked copy is complete: rows per table ({@code schema.table}), how long it took and the leak
 * check's verdict: {@code leakCount} source values of personal-data columns found in the target
 * (must be 0), among {@code valuesChecked} target values; {@code leaks} names the columns with counts,
 * never a value.
 */
public record MaskingCompleted(String runId, Target target, Map<String, Long> rowsPerTable, long totalRows, long durationMs,
                               double rowsPerSecond, long leakCount, long valuesChecked, List<String> leaks) {}
