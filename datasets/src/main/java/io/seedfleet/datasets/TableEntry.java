package io.seedfleet.datasets;

import java.util.Map;
import java.util.TreeMap;

/** One table of a dataset version: rows and run checksum (null when not known), and statistics per column. */
public record TableEntry(long rows, String checksum, Map<String, ColumnStats> columns) {
    public TableEntry {
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(columns));
    }
}
