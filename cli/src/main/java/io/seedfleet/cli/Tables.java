package io.seedfleet.cli;

import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** Per-table rows and checksums, as a small aligned table. */
final class Tables {
    private Tables() {}

    static void print(PrintWriter out, Map<String, TableTotal> tables) {
        int width = tables.keySet().stream().mapToInt(String::length).max().orElse(5);
        String line = "  %-" + width + "s  %12s  %s%n";
        out.printf(line, "table", "rows", "checksum");
        new TreeMap<>(tables).forEach((table, t) -> out.printf(line, table, String.format("%,d", t.rows()), t.checksum()));
    }
}
