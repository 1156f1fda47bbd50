package io.seedfleet.core.run;

import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import java.util.Map;

/** What a generation run wrote: rows and a chunking-independent checksum per table. */
public record RunSummary(String runId, long seed, Map<String, TableTotal> tables, long millis) {

    public RunSummary {
        tables = Map.copyOf(tables);
    }

    public long totalRows() {
        return tables.values().stream().mapToLong(TableTotal::rows).sum();
    }

    /** A checksum (a sum of row hashes modulo 2^64) as 16 hex digits. */
    public static String checksumText(long sum) {
        return String.format("%016x", sum);
    }
}
