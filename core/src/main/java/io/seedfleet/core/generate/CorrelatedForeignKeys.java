package io.seedfleet.core.generate;

import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Foreign keys that share columns, as multi-tenant schemas write them: {@code orders (tenant_id,
 * customer_id) -> customers (tenant_id, id)} and {@code orders (tenant_id, product_id) -> products
 * (tenant_id, id)}. The first key picks a customer, which fixes the tenant; the second must pick a
 * product of that tenant. That is a pure function of the row index when the products' own tenant key
 * is laid out round robin (product i belongs to tenant i mod n): the products of tenant k are then
 * k, k + n, k + 2n, ...
 */
final class CorrelatedForeignKeys {
    /** A foreign key laid out round robin, so children can find "a row of parent k". */
    record Layout(QualifiedName table, String foreignKey) {}

    private CorrelatedForeignKeys() {}

    /** The order in which a table's foreign keys claim their columns: wider keys first, then by name. */
    static List<ForeignKey> bindingOrder(Table t) {
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        fks.sort(Comparator.comparingInt((ForeignKey fk) -> -fk.columns().size()).thenComparing(ForeignKey::name));
        return fks;
    }

    static Set<Layout> roundRobinLayouts(SchemaModel schema) {
        Set<Layout> layouts = new HashSet<>();
        for (Table t : schema.tables()) {
            Map<String, ForeignKey> owner = new HashMap<>();
            for (ForeignKey fk : bindingOrder(t)) {
                List<String> shared = fk.columns().stream().filter(owner::containsKey).toList();
                if (!shared.isEmpty() && shared.size() < fk.columns().size()) {
                    schema.find(fk.referencedTable()).flatMap(q -> keyOver(q, referencedColumns(fk, shared)))
                            .ifPresent(key -> layouts.add(new Layout(fk.referencedTable(), key.name())));
                }
                for (String c : fk.columns()) owner.putIfAbsent(c, fk);
            }
        }
        return layouts;
    }

    /** The columns of {@code fk}'s parent that the child's {@code columns} point at. */
    static List<String> referencedColumns(ForeignKey fk, List<String> columns) {
        return columns.stream().map(c -> fk.referencedColumns().get(fk.columns().indexOf(c))).toList();
    }

    /** The table's (non-self) foreign key over exactly these columns, if it has one. */
    static Optional<ForeignKey> keyOver(Table t, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        return t.foreignKeys().stream()
                .filter(fk -> !fk.referencedTable().equals(t.name()) && Set.copyOf(fk.columns()).equals(wanted))
                .findFirst();
    }
}
