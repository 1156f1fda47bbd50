package io.seedfleet.coordinator.run;

import io.seedfleet.coordinator.store.RunStore.DoneChunk;
import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.run.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-table totals of a finished run. Rows count INSERT chunks only (UPDATE chunks revisit rows
 * already counted); the checksum adds every chunk's, UPDATE ones included, modulo 2^64, which makes
 * it independent of how the table was chunked.
 */
final class TableTotals {
    private TableTotals() {}

    static Map<String, TableTotal> of(Map<String, Long> plannedTables, List<DoneChunk> chunks) {
        Map<String, long[]> sums = new TreeMap<>();
        plannedTables.keySet().forEach(t -> sums.put(t, new long[2]));
        for (DoneChunk chunk : chunks) {
            long[] sum = sums.computeIfAbsent(chunk.table(), t -> new long[2]);
            if ("INSERT".equals(chunk.phase())) sum[0] += chunk.rows();
            sum[1] += Long.parseUnsignedLong(chunk.checksum(), 16); // overflow is the modulo 2^64
        }
        Map<String, TableTotal> totals = new TreeMap<>();
        sums.forEach((table, sum) -> totals.put(table, new TableTotal(sum[0], RunSummary.checksumText(sum[1]))));
        return totals;
    }
}
