package io.seedfleet.datasets;

import java.nio.file.Path;
import java.util.Map;

/** Where an export went and the rows it wrote per table, in load order. */
public record ExportSummary(Path directory, Format format, Map<String, Long> rows) {
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
