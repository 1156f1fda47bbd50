package io.seedfleet.core.plan;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.plan.GenerationPlan.DeferredForeignKey;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans a dataset: the foreign-key graph, its cycles (broken through nullable foreign keys, which
 * are loaded as insert-then-update), dependency levels, and row counts. Problems are collected and
 * thrown together so the user sees all of them before anything is written.
 */
public final class Planner {
    private final SchemaModel schema;
    private final Map<QualifiedName, Table> tables;
    private final List<PlanProblem> problems = new ArrayList<>();
    private final Set<DeferredForeignKey> deferred = new HashSet<>();
    private final Set<DeferredForeignKey> suspended = new HashSet<>();

    private Planner(SchemaModel schema) {
        this.schema = schema;
        this.tables = schema.byName();
    }

    public static GenerationPlan plan(SchemaModel schema, RowCounts counts, long seed) {
        return plan(schema, counts, seed, GenerationPlan.DEFAULT_ANCHOR);
    }

    public static GenerationPlan plan(SchemaModel schema, RowCounts counts, long seed, long anchorEpochMicros) {
        return plan(schema, counts, seed, anchorEpochMicros, GenerationPlan.DEFAULT_EDGE_CASES_PER_MILLE);
    }

    public static GenerationPlan plan(SchemaModel schema, RowCounts counts, long seed, long anchorEpochMicros, int edgeCasesPerMille) {
        return plan(schema, counts, seed, anchorEpochMicros, edgeCasesPerMille, Map.of());
    }

    /** @param localeMix locale tag to relative weight (en-US=60, ja-JP=40); empty for the default mix */
    public static GenerationPlan plan(SchemaModel schema, RowCounts counts, long seed, long anchorEpochMicros, int edgeCasesPerMille,
                                      Map<String, Integer> localeMix) {
        return plan(schema, counts, seed, anchorEpochMicros, edgeCasesPerMille, localeMix, Rules.NONE);
    }

    /**
     * @param rules a resolved data definition: its exact row counts override {@code counts}, and a
     *              table with a per-parent volume gets the sum of its parents' counts
     */
    public static GenerationPlan plan(SchemaModel schema, RowCounts counts, long seed, long anchorEpochMicros, int edgeCasesPerMille,
                                      Map<String, Integer> localeMix, Rules rules) {
        Planner planner = new Planner(schema);
        List<List<QualifiedName>> levels = planner.levels();
        Map<QualifiedName, Long> rows = planner.rowCounts(levels, rules.counts(counts), rules, seed);
        if (!planner.problems.isEmpty()) throw new PlanningException(planner.problems);
        return new GenerationPlan(seed, anchorEpochMicros, edgeCasesPerMille, localeMix, schema, rows, levels, planner.deferred,
                planner.suspended, rules);
    }

    /** Parents of a table through foreign keys that are loaded in order (not deferred, not self). */
    private Set<QualifiedName> orderedParents(Table t) {
        Set<QualifiedName> parents = new TreeSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            DeferredForeignKey key = new DeferredForeignKey(t.name(), fk.name());
            if (!fk.referencedTable().equals(t.name()) && !deferred.contains(key) && !suspended.contains(key)) {
                parents.add(fk.referencedTable());
            }
        }
        return parents;
    }

    /**
     * The parents a table's volume scales with: those of its NOT NULL foreign keys (a row belongs to
     * them), or, when it has none, those of its nullable ones. A nullable reference such as
     * {@code created_by_user_id} should not make a table as large as the users table.
     */
    private Set<QualifiedName> volumeParents(Table t) {
        Set<QualifiedName> owners = new TreeSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            if (!allNullable(t, fk) && orderedParents(t).contains(fk.referencedTable())) owners.add(fk.referencedTable());
        }
        return owners.isEmpty() ? orderedParents(t) : owners;
    }

    private List<List<QualifiedName>> levels() {
        for (Table t : tables.values()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!tables.containsKey(fk.referencedTable())) {
                    problems.add(new PlanProblem(t.name().toString(), fk.name(),
                            "references " + fk.referencedTable() + ", which is not part of the schema being generated"));
                } else if (fk.referencedTable().equals(t.name()) && allNullable(t, fk)) {
                    deferred.add(new DeferredForeignKey(t.name(), fk.name()));
                }
            }
        }
        for (Set<QualifiedName> component : cyclicComponents()) breakCycle(component);
        // Longest-path layering over the now acyclic ordered-parent graph.
        Map<QualifiedName, Integer> level = new TreeMap<>();
        for (QualifiedName name : tables.keySet()) levelOf(name, level, new HashSet<>());
        int max = level.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<List<QualifiedName>> levels = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            final int l = i;
            levels.add(level.entrySet().stream().filter(e -> e.getValue() == l).map(Map.Entry::getKey).toList());
        }
        return levels;
    }

    private int levelOf(QualifiedName name, Map<QualifiedName, Integer> level, Set<QualifiedName> visiting) {
        Integer known = level.get(name);
        if (known != null) return known;
        if (!visiting.add(name)) return 0; // a cycle already reported by breakCycle
        int l = 0;
        for (QualifiedName parent : orderedParents(tables.get(name))) {
            if (tables.containsKey(parent)) l = Math.max(l, levelOf(parent, level, visiting) + 1);
        }
        level.put(name, l);
        return l;
    }

    /** Tarjan's strongly connected components with more than one table. */
    private List<Set<QualifiedName>> cyclicComponents() {
        Map<QualifiedName, Integer> index = new HashMap<>();
        Map<QualifiedName, Integer> low = new HashMap<>();
        Deque<QualifiedName> stack = new ArrayDeque<>();
        Set<QualifiedName> onStack = new HashSet<>();
        List<Set<QualifiedName>> result = new ArrayList<>();
        int[] counter = {0};
        for (QualifiedName v : tables.keySet()) {
            if (!index.containsKey(v)) strongConnect(v, index, low, stack, onStack, result, counter);
        }
        return result;
    }

    private void strongConnect(QualifiedName v, Map<QualifiedName, Integer> index, Map<QualifiedName, Integer> low,
                               Deque<QualifiedName> stack, Set<QualifiedName> onStack, List<Set<QualifiedName>> result, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (QualifiedName w : orderedParents(tables.get(v))) {
            if (!tables.containsKey(w)) continue;
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, result, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<QualifiedName> component = new TreeSet<>();
            QualifiedName w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) result.add(component);
        }
    }

    /**
     * Defers every nullable foreign key inside a cycle (insert, then update). If the cycle still
     * stands it runs through NOT NULL keys: suspend them one at a time, in name order, until no
     * cycle is left (drop, load, add back with validation).
     */
    private void breakCycle(Set<QualifiedName> component) {
        for (QualifiedName name : component) {
            Table t = tables.get(name);
            for (ForeignKey fk : t.foreignKeys()) {
                if (component.contains(fk.referencedTable()) && allNullable(t, fk)) {
                    deferred.add(new DeferredForeignKey(name, fk.name()));
                }
            }
        }
        List<DeferredForeignKey> candidates = component.stream()
                .flatMap(n -> tables.get(n).foreignKeys().stream()
                        .filter(fk -> component.contains(fk.referencedTable()) && !fk.referencedTable().equals(n))
                        .map(fk -> new DeferredForeignKey(n, fk.name())))
                .filter(k -> !deferred.contains(k))
                .sorted((a, b) -> (a.table() + "." + a.constraint()).compareTo(b.table() + "." + b.constraint()))
                .toList();
        for (DeferredForeignKey candidate : candidates) {
            QualifiedName parent = tables.get(candidate.table()).foreignKeys().stream()
                    .filter(fk -> fk.name().equals(candidate.constraint())).findFirst().orElseThrow().referencedTable();
            List<Set<QualifiedName>> remaining = cyclicComponents().stream().filter(component::containsAll).toList();
            if (remaining.isEmpty()) break;
            if (remaining.stream().anyMatch(c -> c.contains(candidate.table()) && c.contains(parent))) suspended.add(candidate);
        }
    }

    private Map<QualifiedName, Long> rowCounts(List<List<QualifiedName>> levels, RowCounts counts, Rules rules, long seed) {
        Map<QualifiedName, Long> explicit = new HashMap<>();
        counts.perTable().forEach((userName, n) -> schema.resolve(userName).ifPresentOrElse(
                t -> explicit.put(t.name(), n),
                () -> problems.add(new PlanProblem(userName, null, "no such table (or the name is ambiguous across schemas)"))));
        explicit.forEach((t, n) -> {
            if (n < 0) problems.add(new PlanProblem(t.toString(), null, "row count must not be negative"));
        });
        Map<QualifiedName, Long> rows = new LinkedHashMap<>();
        // Fan-out compounds along deep chains (3^6 = 729 payments per root row in pagila); derived
        // counts stop at fanOut^2 times the largest count the user set or a root table gets.
        long largestGiven = Math.max(counts.defaultRootRows(), explicit.values().stream().mapToLong(Long::longValue).max().orElse(0));
        long derivedCap = (long) Math.ceil(largestGiven * counts.fanOut() * counts.fanOut());
        for (List<QualifiedName> level : levels) {
            for (QualifiedName name : level) {
                Table t = tables.get(name);
                long capacity = capacity(t, rows);
                Long asked = explicit.get(name);
                Rules.TableRules ruled = rules.table(name);
                long n;
                if (ruled != null && ruled.perParent() != null && asked == null) {
                    n = perParentRows(t, ruled.perParent(), rows, seed);
                    if (n > capacity) {
                        problems.add(new PlanProblem(name.toString(), ruled.perParent().foreignKey(), "perParent gives " + n
                                + " rows, but its unique foreign-key combinations allow at most " + capacity));
                    }
                } else if (asked != null) {
                    n = asked;
                    if (n > capacity) {
                        problems.add(new PlanProblem(name.toString(), null, n + " rows asked, but its unique foreign-key combinations allow at most " + capacity));
                    }
                } else {
                    long parentMax = volumeParents(t).stream().mapToLong(p -> rows.getOrDefault(p, 0L)).max().orElse(-1);
                    n = parentMax < 0 ? counts.defaultRootRows() : Math.min(derivedCap, (long) Math.ceil(parentMax * counts.fanOut()));
                    n = Math.min(n, capacity);
                }
                for (ForeignKey fk : t.foreignKeys()) {
                    boolean required = !allNullable(t, fk) && !fk.referencedTable().equals(name);
                    if (required && n > 0 && rows.getOrDefault(fk.referencedTable(), explicit.getOrDefault(fk.referencedTable(), 1L)) == 0) {
                        problems.add(new PlanProblem(name.toString(), fk.name(), "needs rows in " + fk.referencedTable() + ", which is planned empty"));
                    }
                }
                rows.put(name, n);
            }
        }
        return rows;
    }

    /** The sum of every parent row's deterministic child count (see {@link Rules.Volume#count}). */
    private long perParentRows(Table t, Rules.Volume volume, Map<QualifiedName, Long> rows, long seed) {
        QualifiedName parent = QualifiedName.parse(volume.parent());
        ForeignKey fk = t.foreignKeys().stream().filter(k -> k.name().equals(volume.foreignKey())).findFirst().orElse(null);
        if (fk == null || !rows.containsKey(parent) || !orderedParents(t).contains(parent)) {
            problems.add(new PlanProblem(t.name().toString(), volume.foreignKey(),
                    "perParent needs " + parent + " planned before this table; a foreign-key cycle through it prevents that"));
            return 0;
        }
        long sum = 0;
        for (long p = 0, n = rows.get(parent); p < n; p++) sum += volume.count(seed, t.name().toString(), p);
        return sum;
    }

    /**
     * The most rows a table can hold given unique keys made only of foreign-key columns: a
     * one-to-one key allows as many rows as the parent, a junction key the product of its parents.
     */
    private long capacity(Table t, Map<QualifiedName, Long> rows) {
        long capacity = Long.MAX_VALUE;
        for (UniqueKey key : t.uniqueKeys()) {
            if (!key.isPlain()) continue;
            Set<String> keyColumns = new HashSet<>(key.columns());
            List<ForeignKey> covering = t.foreignKeys().stream()
                    .filter(fk -> keyColumns.containsAll(fk.columns()) && !fk.referencedTable().equals(t.name()))
                    .toList();
            Set<String> covered = covering.stream().flatMap(fk -> fk.columns().stream()).collect(Collectors.toSet());
            if (covering.isEmpty() || !covered.equals(keyColumns)) continue;
            long product = 1;
            for (ForeignKey fk : covering) product = saturatedMultiply(product, rows.getOrDefault(fk.referencedTable(), 0L));
            capacity = Math.min(capacity, product);
        }
        return capacity;
    }

    private static long saturatedMultiply(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    static boolean allNullable(Table t, ForeignKey fk) {
        return fk.columns().stream().map(t::column).allMatch(Column::nullable);
    }
}
