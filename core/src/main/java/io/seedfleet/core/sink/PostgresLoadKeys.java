package io.seedfleet.core.sink;

import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a PostgreSQL load sets aside so that the database checks keys once, after the load, as a
 * bulk loader does, instead of row by row during it: every foreign key on or to a table the plan
 * fills, and the primary keys, unique constraints and other indexes of those tables. Adding them
 * back at the end sorts each index once and validates each foreign key with one anti-join, and
 * still refuses any row that breaks them.
 *
 * <p>Kept live: exclusion constraints (PostgreSQL checks them only row by row), the keys of
 * partitioned tables and partitions (their indexes cascade across partitions), and the keys of
 * tables with a deferred-key UPDATE phase, whose set-based UPDATE joins on the key.
 */
final class PostgresLoadKeys {
    /** One object to set aside: {@code definition} is what {@link #restoreStatement} needs to put it back. */
    record Item(Kind kind, String table, String name, String definition, String drop) {}

    /** In restore order: keys before the indexes and foreign keys that may rely on them. */
    enum Kind {
        KEY("key"), INDEX("index"), FOREIGN_KEY("constraint"), TRIGGER("trigger");

        /** As recorded in {@code suspended_constraints.kind}; "constraint" is what earlier ledgers call a foreign key. */
        final String ledgerName;

        Kind(String ledgerName) {
            this.ledgerName = ledgerName;
        }

        static Kind of(String ledgerName) {
            for (Kind k : values()) if (k.ledgerName.equals(ledgerName)) return k;
            throw new IllegalArgumentException("unknown set-aside kind " + ledgerName);
        }

        /** An ORDER BY expression over the ledger's {@code kind} column that sorts in restore order. */
        static String restoreOrder() {
            StringBuilder sql = new StringBuilder("CASE kind");
            for (Kind k : values()) sql.append(" WHEN '").append(k.ledgerName).append("' THEN ").append(k.ordinal());
            return sql.append(" END").toString();
        }
    }

    private PostgresLoadKeys() {}

    static List<Item> of(Connection c, GenerationPlan plan) throws SQLException {
        List<String> filled = plan.tablesInLoadOrder().stream().map(QualifiedName::sql).toList();
        Set<QualifiedName> updated = plan.suspended().stream().map(GenerationPlan.DeferredForeignKey::table).collect(Collectors.toSet());
        List<Item> items = new ArrayList<>(foreignKeys(c, filled));
        for (QualifiedName table : plan.tablesInLoadOrder()) {
            if (updated.contains(table)) continue;
            items.addAll(keys(c, table));
            items.addAll(indexes(c, table));
        }
        return items;
    }

    static String restoreStatement(Kind kind, String table, String name, String definition) {
        return switch (kind) {
            case KEY, FOREIGN_KEY -> "ALTER TABLE " + table + " ADD CONSTRAINT " + Identifiers.quote(name) + " " + definition;
            case INDEX -> definition;
            case TRIGGER -> "ALTER TABLE " + table + " ENABLE TRIGGER " + Identifiers.quote(name);
        };
    }

    private static List<Item> foreignKeys(Connection c, List<String> filled) throws SQLException {
        // Inherited copies on partitions (conparentid <> 0) go with their parent's key.
        String sql = """
                SELECT format('%I.%I', n.nspname, r.relname), k.conname, pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE k.contype = 'f' AND k.conparentid = 0
                  AND (k.conrelid IN (SELECT t::regclass FROM unnest(?::text[]) t) OR k.confrelid IN (SELECT t::regclass FROM unnest(?::text[]) t))
                ORDER BY 1, 2""";
        List<Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array tables = c.createArrayOf("text", filled.toArray());
            ps.setArray(1, tables);
            ps.setArray(2, tables);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    items.add(new Item(Kind.FOREIGN_KEY, table, name, rs.getString(3), dropConstraint(table, name)));
                }
            }
        }
        return items;
    }

    private static List<Item> keys(Connection c, QualifiedName table) throws SQLException {
        String sql = """
                SELECT k.conname, pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid
                WHERE k.contype IN ('p', 'u') AND k.conrelid = ?::regclass AND r.relkind = 'r' AND NOT r.relispartition
                ORDER BY 1""";
        List<Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    items.add(new Item(Kind.KEY, table.sql(), name, rs.getString(2), dropConstraint(table.sql(), name)));
                }
            }
        }
        return items;
    }

    /** Indexes no constraint of the table owns (those go with their constraint, or stay, for exclusion constraints). */
    private static List<Item> indexes(Connection c, QualifiedName table) throws SQLException {
        String sql = """
                SELECT ic.relname, pg_get_indexdef(i.indexrelid), format('DROP INDEX %I.%I', n.nspname, ic.relname)
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                  JOIN pg_class r ON r.oid = i.indrelid
                WHERE i.indrelid = ?::regclass AND r.relkind = 'r' AND NOT r.relispartition
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
                ORDER BY 1""";
        List<Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) items.add(new Item(Kind.INDEX, table.sql(), rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return items;
    }

    private static String dropConstraint(String table, String name) {
        return "ALTER TABLE " + table + " DROP CONSTRAINT " + Identifiers.quote(name);
    }
}
