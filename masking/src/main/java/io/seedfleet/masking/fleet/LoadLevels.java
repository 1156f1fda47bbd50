package io.seedfleet.masking.fleet;

import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order the fleet copies tables in: level 0 holds tables that reference no other, level n those
 * whose parents are all in lower levels; the tables of a foreign-key cycle share one level, the one
 * after all their parents outside the cycle. The target's foreign keys are set aside during the load,
 * so the order is not needed for correctness; it keeps the copy parents-first, as generation is.
 */
public final class LoadLevels {
    private LoadLevels() {}

    public static Map<QualifiedName, Integer> of(SchemaModel model) {
        Map<QualifiedName, Set<QualifiedName>> parents = new LinkedHashMap<>();
        for (Table t : model.tables()) {
            Set<QualifiedName> mine = new LinkedHashSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.referencedTable().equals(t.name()) && model.find(fk.referencedTable()).isPresent()) mine.add(fk.referencedTable());
            }
            parents.put(t.name(), mine);
        }
        Map<QualifiedName, Integer> component = new Components(parents).find();
        // Components come out of Tarjan's algorithm parents first: a component's parents are numbered before it.
        Map<Integer, Integer> componentLevel = new HashMap<>();
        Map<Integer, List<QualifiedName>> members = new java.util.TreeMap<>();
        component.forEach((table, c) -> members.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(table));
        members.forEach((c, tables) -> {
            int level = 0;
            for (QualifiedName table : tables) {
                for (QualifiedName parent : parents.get(table)) {
                    int pc = component.get(parent);
                    if (pc != c) level = Math.max(level, componentLevel.get(pc) + 1);
                }
            }
            componentLevel.put(c, level);
        });
        Map<QualifiedName, Integer> levels = new LinkedHashMap<>();
        for (Table t : model.tables()) levels.put(t.name(), componentLevel.get(component.get(t.name())));
        return levels;
    }

    /** Tarjan's strongly connected components over "references" edges; numbered in the order they complete (parents first). */
    private static final class Components {
        private final Map<QualifiedName, Set<QualifiedName>> parents;
        private final Map<QualifiedName, Integer> index = new HashMap<>();
        private final Map<QualifiedName, Integer> low = new HashMap<>();
        private final Deque<QualifiedName> stack = new ArrayDeque<>();
        private final Set<QualifiedName> onStack = new java.util.HashSet<>();
        private final Map<QualifiedName, Integer> component = new LinkedHashMap<>();
        private int counter;
        private int components;

        Components(Map<QualifiedName, Set<QualifiedName>> parents) {
            this.parents = parents;
        }

        Map<QualifiedName, Integer> find() {
            for (QualifiedName t : parents.keySet()) if (!index.containsKey(t)) visit(t);
            return component;
        }

        private void visit(QualifiedName t) {
            index.put(t, counter);
            low.put(t, counter++);
            stack.push(t);
            onStack.add(t);
            for (QualifiedName p : parents.get(t)) {
                if (!index.containsKey(p)) {
                    visit(p);
                    low.put(t, Math.min(low.get(t), low.get(p)));
                } else if (onStack.contains(p)) {
                    low.put(t, Math.min(low.get(t), index.get(p)));
                }
            }
            if (low.get(t).equals(index.get(t))) {
                QualifiedName member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.put(member, components);
                } while (!member.equals(t));
                components++;
            }
        }
    }
}
