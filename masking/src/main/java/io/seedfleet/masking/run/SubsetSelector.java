package io.seedfleet.masking.run;

import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a referentially complete subset, chosen inside the run's snapshot: the start rows, then
 * every row they need through foreign keys (parents, transitively), then the children of chosen rows
 * whose every foreign key points into the subset. Rows are named by table oid and ctid, which are
 * stable within one snapshot and need no primary key.
 */
final class SubsetSelector {
    private SubsetSelector() {}

    /**
     * The expression naming a row of the table aliased {@code alias}. Sets of them are matched with
     * {@code IN (SELECT unnest(array))}, which PostgreSQL hashes, never {@code = ANY(array)}, which it scans per row.
     */
    static String rowId(String alias) {
        return "(" + alias + ".tableoid::text || '/' || " + alias + ".ctid::text)";
    }

    /** How to read a table: partitioned ones through their root, others without inheritance children. */
    static String from(Table table) {
        return (table.partitioning() != null ? "" : "ONLY ") + table.name().sql();
    }

    /** The text[] literal of a set of row ids. */
    static String arrayLiteral(Set<String> rowIds) {
        StringBuilder b = new StringBuilder("{");
        for (String id : rowIds) {
            if (b.length() > 1) b.append(',');
            b.append('"').append(id).append('"');
        }
        return b.append('}').toString();
    }

    static Map<QualifiedName, Set<String>> select(Connection snapshot, SchemaModel model, List<Subset> subsets) throws SQLException {
        Map<QualifiedName, Table> tables = model.byName();
        Map<QualifiedName, Set<String>> chosen = new HashMap<>();
        for (Table t : model.tables()) chosen.put(t.name(), new LinkedHashSet<>());
        for (Subset subset : subsets) {
            Table table = model.find(subset.table()).orElseThrow(() -> new MaskingException("--subset names table " + subset.table() + ", which the source does not have"));
            String sql = subset.percent() != null
                    ? "SELECT " + rowId("t") + " FROM " + from(table) + " t TABLESAMPLE BERNOULLI (" + subset.percent() + ") REPEATABLE (0)"
                    : "SELECT " + rowId("t") + " FROM " + from(table) + " t WHERE " + subset.where();
            try (Statement s = snapshot.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) chosen.get(table.name()).add(rs.getString(1));
            } catch (SQLException e) {
                throw new MaskingException("--subset on " + table.name() + " cannot be read: " + e.getMessage(), e);
            }
        }
        // Upwards: the parents of chosen rows, until nothing changes.
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Table child : model.tables()) {
                if (chosen.get(child.name()).isEmpty()) continue;
                for (ForeignKey fk : child.foreignKeys()) {
                    Table parent = tables.get(fk.referencedTable());
                    if (parent == null) continue;
                    // Uncorrelated IN: PostgreSQL hashes the chosen children's references once.
                    String sql = "SELECT " + rowId("p") + " FROM " + from(parent) + " p WHERE " + columns("p", fk.referencedColumns())
                            + " IN (SELECT " + selectList("c", fk.columns()) + " FROM " + from(child) + " c WHERE " + rowId("c") + " IN (SELECT unnest(?::text[])))";
                    changed |= addAll(snapshot, sql, List.of(chosen.get(child.name())), chosen.get(parent.name()));
                }
            }
        }
        // Downwards: children whose every foreign key resolves inside the subset; they need nothing new.
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Table child : model.tables()) {
                List<ForeignKey> fks = child.foreignKeys().stream().filter(fk -> tables.containsKey(fk.referencedTable())).toList();
                if (fks.stream().noneMatch(fk -> !chosen.get(fk.referencedTable()).isEmpty())) continue;
                List<String> conditions = new ArrayList<>();
                List<Set<String>> params = new ArrayList<>();
                List<String> anyReference = new ArrayList<>();
                for (ForeignKey fk : fks) {
                    String nulls = String.join(" OR ", fk.columns().stream().map(col -> "c." + Identifiers.quote(col) + " IS NULL").toList());
                    String inside = columns("c", fk.columns()) + " IN (SELECT " + selectList("p", fk.referencedColumns()) + " FROM "
                            + from(tables.get(fk.referencedTable())) + " p WHERE " + rowId("p") + " IN (SELECT unnest(?::text[])))";
                    conditions.add("(" + nulls + " OR " + inside + ")");
                    params.add(chosen.get(fk.referencedTable()));
                    anyReference.add("NOT (" + nulls + ")");
                }
                String sql = "SELECT " + rowId("c") + " FROM " + from(child) + " c WHERE " + String.join(" AND ", conditions)
                        + " AND (" + String.join(" OR ", anyReference) + ")";
                changed |= addAll(snapshot, sql, params, chosen.get(child.name()));
            }
        }
        return chosen;
    }

    private static String selectList(String alias, List<String> names) {
        return String.join(", ", names.stream().map(n -> alias + "." + Identifiers.quote(n)).toList());
    }

    /** {@code (a.x, a.y)}, or {@code a.x} for one column. */
    private static String columns(String alias, List<String> names) {
        List<String> quoted = names.stream().map(n -> alias + "." + Identifiers.quote(n)).toList();
        return quoted.size() == 1 ? quoted.get(0) : "(" + String.join(", ", quoted) + ")";
    }

    private static boolean addAll(Connection c, String sql, List<Set<String>> params, Set<String> into) throws SQLException {
        boolean changed = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, arrayLiteral(params.get(i)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) changed |= into.add(rs.getString(1));
            }
        }
        return changed;
    }
}
