package io.seedfleet.datasets;

import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tables with every referenced table before the tables that reference it. A foreign-key cycle has no
 * such order: it is broken at the smallest name, deterministically (loads set those keys aside anyway).
 */
final class LoadOrder {
    private LoadOrder() {}

    static List<Table> of(SchemaModel schema) {
        Map<QualifiedName, Table> byName = new TreeMap<>(schema.byName());
        Map<QualifiedName, Set<QualifiedName>> pending = new TreeMap<>();
        for (Table t : byName.values()) {
            Set<QualifiedName> parents = new TreeSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.referencedTable().equals(t.name()) && byName.containsKey(fk.referencedTable())) parents.add(fk.referencedTable());
            }
            pending.put(t.name(), parents);
        }
        List<Table> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            QualifiedName next = pending.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).findFirst()
                    .orElse(pending.keySet().iterator().next());
            pending.remove(next);
            pending.values().forEach(parents -> parents.remove(next));
            order.add(byName.get(next));
        }
        return order;
    }
}
