package io.seedfleet.core.plan;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What will be generated: the seed, the row count of every table, the load order as levels (a
 * table's parents are all in earlier levels), and the foreign keys that a cycle forces to be filled
 * in by an update after every table is loaded, and the data definition's {@link Rules}. A pure
 * function of (schema, row counts, seed, rules), so
 * every worker derives the same plan from the same inputs.
 */
public record GenerationPlan(long seed, long anchorEpochMicros, int edgeCasesPerMille, Map<String, Integer> localeMix, SchemaModel schema,
                             Map<QualifiedName, Long> rowCounts, List<List<QualifiedName>> levels,
                             Set<DeferredForeignKey> deferred, Set<DeferredForeignKey> suspended, Rules rules) {

    /**
     * A foreign key a cycle keeps from being loaded in order. Nullable ones are {@code deferred}:
     * written as NULL and set by an update once every table is loaded. NOT NULL ones are
     * {@code suspended}: dropped before the load (their rows carry the final values) and added
     * back afterwards, so PostgreSQL itself validates every row against them.
     */
    public record DeferredForeignKey(QualifiedName table, String constraint) {}

    /** 2025-01-01T00:00:00Z: dates are relative to a fixed "now", so a seed always gives the same data. */
    public static final long DEFAULT_ANCHOR = 1_735_689_600_000_000L;

    /** 5% of the values of eligible columns are edge cases unless a request says otherwise. */
    public static final int DEFAULT_EDGE_CASES_PER_MILLE = 50;

    /** A plan without a data definition: every value inferred. */
    public GenerationPlan(long seed, long anchorEpochMicros, int edgeCasesPerMille, Map<String, Integer> localeMix, SchemaModel schema,
                          Map<QualifiedName, Long> rowCounts, List<List<QualifiedName>> levels,
                          Set<DeferredForeignKey> deferred, Set<DeferredForeignKey> suspended) {
        this(seed, anchorEpochMicros, edgeCasesPerMille, localeMix, schema, rowCounts, levels, deferred, suspended, Rules.NONE);
    }

    public GenerationPlan {
        rules = rules == null ? Rules.NONE : rules;
        if (edgeCasesPerMille < 0 || edgeCasesPerMille > 1000) throw new IllegalArgumentException("edge-case rate must be within 0..1000 per mille");
        localeMix = localeMix == null ? Map.of() : Map.copyOf(localeMix);
        rowCounts = Map.copyOf(rowCounts);
        levels = levels.stream().map(List::copyOf).toList();
        deferred = Set.copyOf(deferred);
        suspended = Set.copyOf(suspended);
    }

    public long rows(QualifiedName table) {
        return rowCounts.getOrDefault(table, 0L);
    }

    public boolean isDeferred(Table table, ForeignKey fk) {
        return deferred.contains(new DeferredForeignKey(table.name(), fk.name()));
    }

    public boolean hasDeferred(Table table) {
        return deferred.stream().anyMatch(d -> d.table().equals(table.name()));
    }

    public List<QualifiedName> tablesInLoadOrder() {
        return levels.stream().flatMap(List::stream).toList();
    }

    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
