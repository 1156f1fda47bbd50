package io.seedfleet.masking.run;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.masking.method.ColumnMasker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The masker of every column of every table. A foreign-key column takes the masker of the key column
 * it references, followed to the root of the chain, so a masked key and every reference to it mask
 * alike and joins survive. Refuses a rule on a unique column whose masker is not bijective, and a
 * rule on a foreign-key column whose referenced key is not masked (the join would break).
 */
public final class ColumnMaskers {
    /** A column of a table. */
    public record ColumnRef(QualifiedName table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    private final Map<ColumnRef, ColumnMasker> maskers;
    private final Map<ColumnRef, MaskRule> effectiveRules;
    private final List<ColumnRef> maskedText;

    private ColumnMaskers(Map<ColumnRef, ColumnMasker> maskers, Map<ColumnRef, MaskRule> effectiveRules, List<ColumnRef> maskedText) {
        this.maskers = maskers;
        this.effectiveRules = effectiveRules;
        this.maskedText = maskedText;
    }

    public static ColumnMaskers resolve(SchemaModel model, MaskingPlan plan) {
        Map<QualifiedName, Map<String, MaskRule>> rules = plan.resolve(model);
        Map<QualifiedName, Table> tables = model.byName();
        Map<ColumnRef, ColumnMasker> maskers = new HashMap<>();
        Map<ColumnRef, MaskRule> effective = new HashMap<>();
        Map<ColumnRef, ColumnMasker> byRoot = new HashMap<>();
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                ColumnRef ref = new ColumnRef(table.name(), column.name());
                ColumnRef root = root(tables, ref);
                MaskRule own = rule(rules, ref);
                MaskRule rootRule = rule(rules, root);
                for (ColumnRef other : roots(tables, ref)) {
                    if (!other.equals(root) && !java.util.Objects.equals(rule(rules, other), rootRule)) {
                        throw new MaskingException("column " + ref + " references both " + root + " and " + other
                                + ", which are masked differently: one of its joins would break; give both the same rule");
                    }
                }
                if (!root.equals(ref) && own != null && rootRule == null) {
                    throw new MaskingException("column " + ref + " has masking rule " + own.method() + " but it references " + root
                            + ", which has none: masking only the reference would break the join; put the rule on " + root);
                }
                if (rootRule == null) continue;
                Table rootTable = tables.get(root.table());
                ColumnMasker masker = byRoot.computeIfAbsent(root, r -> plan.maskers().create(rootRule, rootTable, rootTable.column(r.column())));
                maskers.put(ref, masker);
                effective.put(ref, rootRule);
            }
        }
        for (Table table : model.tables()) {
            for (UniqueKey key : table.uniqueKeys()) {
                for (String column : key.columns()) {
                    ColumnRef ref = new ColumnRef(table.name(), column);
                    ColumnMasker masker = maskers.get(ref);
                    if (masker != null && !masker.bijective()) {
                        throw new MaskingException("column " + ref + " is part of " + (key.isPrimaryKey() ? "primary key " : "unique key ")
                                + key.name() + " but its masking method " + effective.get(ref).method()
                                + " is not bijective: distinct values could mask alike; use a bijective method (fpe, or keep)");
                    }
                }
            }
        }
        List<ColumnRef> maskedText = new ArrayList<>();
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                ColumnRef ref = new ColumnRef(table.name(), column.name());
                MaskRule rule = effective.get(ref);
                if (rule != null && !rule.method().equals("keep") && column.type().kind().isText()) maskedText.add(ref);
            }
        }
        return new ColumnMaskers(maskers, effective, List.copyOf(maskedText));
    }

    /**
     * The same maskers, each never returning a value {@code forbidden} holds ({@link ColumnMasker#avoiding}).
     * A masker shared by a key and its references stays shared, so they still mask alike.
     */
    public ColumnMaskers avoiding(java.util.function.Predicate<String> forbidden) {
        Map<ColumnMasker, ColumnMasker> replaced = new java.util.IdentityHashMap<>();
        Map<ColumnRef, ColumnMasker> out = new HashMap<>();
        maskers.forEach((ref, masker) -> out.put(ref, replaced.computeIfAbsent(masker, m -> m.avoiding(forbidden))));
        return new ColumnMaskers(out, effectiveRules, maskedText);
    }

    /**
     * The text columns masked by a method other than keep, in schema order: the personal-data columns
     * of the run, whose source values no masker may output (and which the leak check fingerprints).
     */
    public List<ColumnRef> maskedTextColumns() {
        return maskedText;
    }

    private static MaskRule rule(Map<QualifiedName, Map<String, MaskRule>> rules, ColumnRef ref) {
        Map<String, MaskRule> columns = rules.get(ref.table());
        return columns == null ? null : columns.get(ref.column());
    }

    /** The key column a column references, through any number of foreign keys; the column itself when it references none. */
    static ColumnRef root(Map<QualifiedName, Table> tables, ColumnRef start) {
        ColumnRef current = start;
        Set<ColumnRef> seen = new HashSet<>();
        while (seen.add(current)) {
            Table table = tables.get(current.table());
            ColumnRef next = null;
            if (table != null) {
                for (ForeignKey fk : table.foreignKeys()) {
                    int i = fk.columns().indexOf(current.column());
                    if (i >= 0 && tables.containsKey(fk.referencedTable())) {
                        next = new ColumnRef(fk.referencedTable(), fk.referencedColumns().get(i));
                        break;
                    }
                }
            }
            if (next == null || next.equals(current)) return current;
            current = next;
        }
        return current; // a cycle of references: any member is as good a root as another
    }

    /** Every key column a column reaches through any of its foreign keys, transitively (the ends of all chains). */
    static Set<ColumnRef> roots(Map<QualifiedName, Table> tables, ColumnRef start) {
        Set<ColumnRef> ends = new HashSet<>();
        Set<ColumnRef> seen = new HashSet<>();
        java.util.ArrayDeque<ColumnRef> todo = new java.util.ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            ColumnRef current = todo.pop();
            if (!seen.add(current)) continue;
            Table table = tables.get(current.table());
            boolean references = false;
            if (table != null) {
                for (ForeignKey fk : table.foreignKeys()) {
                    int i = fk.columns().indexOf(current.column());
                    if (i < 0 || !tables.containsKey(fk.referencedTable())) continue;
                    ColumnRef next = new ColumnRef(fk.referencedTable(), fk.referencedColumns().get(i));
                    if (next.equals(current)) continue;
                    references = true;
                    todo.push(next);
                }
            }
            if (!references) ends.add(current);
        }
        return ends;
    }

    /** The masker of each of {@code columns} of {@code table}, null where the value is copied as it is. */
    public List<ColumnMasker> of(QualifiedName table, List<Column> columns) {
        List<ColumnMasker> out = new ArrayList<>(columns.size());
        for (Column c : columns) out.add(maskers.get(new ColumnRef(table, c.name())));
        return out;
    }

    /** The rule each masked column applies (its own, or the one of the key it references). */
    public Map<ColumnRef, MaskRule> effectiveRules() {
        return Map.copyOf(effectiveRules);
    }
}
