package io.seedfleet.core.event;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import java.util.List;
import java.util.Map;

/**
 * One range of one table to copy masked: a descriptor, never data. The worker reads the rows of
 * {@code table} whose integer key {@code keyColumn} lies in [{@code keyFrom}, {@code keyTo}] (the whole
 * table when {@code keyColumn} is null; the subset's rows of it when {@code subset} is not empty) in a
 * read-only transaction that imports the exported source snapshot {@code snapshot}, masks them with
 * {@code rules} (resolved by the coordinator, so every worker applies the same ones) and its own
 * secret, and writes them to {@code target}. {@code chunk} numbers the table's ranges from 0: it is
 * the chunk's key in the exactly-once ledger and its {@code rowStart} in chunk-completed events.
 */
public record MaskingWork(String runId, Target source, Target target, String snapshot, int stage, String table, int chunk,
                          String keyColumn, Long keyFrom, Long keyTo, Map<String, Map<String, MaskRule>> rules, List<String> subset) {
    /** The phase masking chunks report in chunk-completed and chunk-failed events. */
    public static final String PHASE = "MASK";

    public boolean wholeTable() {
        return keyColumn == null;
    }

    public List<String> subsets() {
        return subset == null ? List.of() : subset;
    }

    public MaskingWork withTargets(Target newSource, Target newTarget) {
        return new MaskingWork(runId, newSource, newTarget, snapshot, stage, table, chunk, keyColumn, keyFrom, keyTo, rules, subset);
    }
}
