package io.seedfleet.masking.run;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.sources.ddl.PostgresDdlWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The masked copy's database: checked empty, given the source's schema with its foreign keys set
 * aside during the load and added back at the end (so PostgreSQL validates every row), its sequences
 * moved past the loaded keys; and emptied again when the run fails, so it is never half written.
 */
public final class TargetDatabase {
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** A foreign key as the catalog defines it, to add back after the load. */
    public record ForeignKeyDefinition(String table, String name, String definition) {}

    private TargetDatabase() {}

    public static void requireEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p','S','v','m','f') AND "
                     + USER_SCHEMAS + "), (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('e','d') AND " + USER_SCHEMAS + ")")) {
            rs.next();
            if (rs.getLong(1) > 0 || rs.getLong(2) > 0) {
                throw new MaskingException("the target database is not empty (" + rs.getLong(1) + " tables, views or sequences, "
                        + rs.getLong(2) + " types): a masked copy goes into an empty database only");
            }
        }
    }

    /** Creates the schema and sets its foreign keys aside; returns them, to add back with {@link #restoreForeignKeys}. */
    public static List<ForeignKeyDefinition> create(Connection c, SchemaModel model) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(PostgresDdlWriter.write(model));
        }
        // Only foreign keys declared by the user: a partition's copies of its parent's (conparentid <> 0) go and come back with it.
        List<ForeignKeyDefinition> fks = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT con.conrelid::regclass::text, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                     + "JOIN pg_namespace n ON n.oid = con.connamespace WHERE con.contype = 'f' AND con.conparentid = 0 AND " + USER_SCHEMAS + " ORDER BY 1, 2")) {
            while (rs.next()) fks.add(new ForeignKeyDefinition(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        try (Statement s = c.createStatement()) {
            for (ForeignKeyDefinition fk : fks) s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + Identifiers.quote(fk.name()));
        }
        return fks;
    }

    /** Adds the foreign keys back; PostgreSQL checks every loaded row against them. */
    public static void restoreForeignKeys(Connection c, List<ForeignKeyDefinition> fks) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (ForeignKeyDefinition fk : fks) {
                try {
                    s.execute("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + Identifiers.quote(fk.name()) + " " + fk.definition());
                } catch (SQLException e) {
                    throw new MaskingException("foreign key " + fk.name() + " of " + fk.table() + " does not hold in the masked copy: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Moves every identity and serial sequence past the largest loaded value. */
    public static void advanceSequences(Connection c, SchemaModel model) throws SQLException {
        for (Table table : model.tables()) {
            for (Column col : table.columns()) {
                if (col.sequence() == null || !col.type().kind().isInteger()) continue;
                String max = "(SELECT max(" + Identifiers.quote(col.name()) + ") FROM " + table.name().sql() + ")";
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, COALESCE(" + max + ", 1), " + max + " IS NOT NULL)")) {
                    ps.setString(1, col.sequence().sql());
                    ps.executeQuery().close();
                }
            }
        }
    }

    /** Drops everything the run created; the target was empty before it, so everything in its schemas. */
    public static void dropCreated(Connection c, SchemaModel model) throws SQLException {
        Set<String> schemas = new TreeSet<>();
        model.tables().forEach(t -> schemas.add(t.name().schema()));
        try (Statement s = c.createStatement()) {
            for (String schema : schemas) {
                if (!schema.equals("public")) s.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
            }
            List<String> drops = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT 'DROP ' || CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END "
                    + "|| ' IF EXISTS ' || r.oid::regclass::text || ' CASCADE' FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                    + "WHERE n.nspname = 'public' AND r.relkind IN ('r','p','S','v','m') AND NOT r.relispartition"
                    // Sequences last: an identity column's sequence cannot be dropped before its table (not even with CASCADE), and goes with it.
                    + " ORDER BY r.relkind = 'S', r.oid")) {
                while (rs.next()) drops.add(rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT 'DROP ' || CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END || ' IF EXISTS ' || t.oid::regtype::text || ' CASCADE' "
                    + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype IN ('e','d')")) {
                while (rs.next()) drops.add(rs.getString(1));
            }
            for (String drop : drops) s.execute(drop);
        }
    }
}
