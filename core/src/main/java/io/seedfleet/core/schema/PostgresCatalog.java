package io.seedfleet.core.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The pg_catalog queries behind {@link PostgresIntrospector}, one per kind of object and each for the
 * whole set of tables at once (object ids passed as an array parameter), so that a schema with
 * hundreds of tables costs the same handful of round trips as one with three. Rows come back raw;
 * turning them into the model is {@link PostgresSchemaBuilder}'s job. Needs PostgreSQL 12 or later
 * (pg_partition_tree, attgenerated).
 */
final class PostgresCatalog {

    /** A table as stored: a top-level table (never a partition). */
    record TableRow(long oid, QualifiedName name, boolean partitioned, String comment) {}

    /** A partition (at any depth) of a top-level partitioned table. */
    record PartitionRow(long oid, long rootOid) {}

    /** A partitioned table's key definition ({@code RANGE (payment_date)}) and its leaf partitions' bounds. */
    record PartitionBoundsRow(long rootOid, String keyDefinition, List<String> leafBounds) {}

    /** A column; {@code sequence} is an identity's own sequence or the one a nextval() default draws from. */
    record ColumnRow(long tableOid, int position, String name, long typeOid, int typmod, String sqlType,
                     boolean notNull, String identity, boolean generated, String defaultExpression,
                     QualifiedName sequence, String comment) {}

    /** A pg_type row, with what resolving a column's type needs. {@code baseSqlType} is set for domains. */
    record TypeRow(long oid, String schema, String name, char type, char category, long baseTypeOid,
                   int baseTypmod, String baseSqlType, long elementOid, boolean notNull, List<String> enumLabels) {}

    /** A unique index (backing a constraint or not) of the table with id {@code tableOid}. */
    record UniqueKeyRow(long tableOid, UniqueKey key) {}

    record ForeignKeyRow(long tableOid, ForeignKey foreignKey) {}

    /**
     * A CHECK constraint of a table ({@code domainOid} 0) or of a domain ({@code tableOid} 0);
     * {@code definition} is pg_get_constraintdef's text. {@code local} is false for a copy a table
     * inherited from its parent.
     */
    record CheckRow(long tableOid, long domainOid, String name, String definition,
                    List<String> columns, boolean local) {}

    /** A view or materialised view, read but never written. */
    record ViewRow(QualifiedName name, boolean materialized) {}

    /** A user trigger on a top-level table; {@code type} is pg_trigger.tgtype's bit set. */
    record TriggerRow(long tableOid, String name, int type, boolean enabled) {}

    /** An exclusion constraint: the engine does not generate around it, so it is reported by name. */
    record ExclusionRow(long tableOid, String name, String definition) {}

    private static final String SERVER_VERSION = "SELECT current_setting('server_version_num')::int";

    private static final String TABLES = """
            WITH params AS (SELECT ?::text[] AS excluded, ?::text[] AS prefixes, ?::text[] AS included)
            SELECT c.oid::bigint AS oid, n.nspname, c.relname, c.relkind = 'p' AS partitioned,
                   obj_description(c.oid, 'pg_class') AS comment
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN params
            WHERE c.relkind IN ('r', 'p')
              AND NOT c.relispartition
              AND n.nspname <> ALL (params.excluded)
              AND NOT EXISTS (SELECT 1 FROM unnest(params.prefixes) AS p(prefix)
                              WHERE starts_with(n.nspname, p.prefix))
              AND (cardinality(params.included) = 0 OR n.nspname = ANY (params.included))
              -- an extension's own tables (PostGIS' spatial_ref_sys, ...) are filled by the extension
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    private static final String PARTITIONS = """
            SELECT p.relid::oid::bigint AS oid, r.root::bigint AS root_oid
            FROM unnest(?::oid[]) AS r(root)
            CROSS JOIN LATERAL pg_partition_tree(r.root) AS p
            WHERE p.level > 0
            """;

    private static final String PARTITION_BOUNDS = """
            SELECT r.root::bigint AS root_oid, pg_get_partkeydef(r.root) AS key_definition,
                   array_remove(array_agg(pg_get_expr(pc.relpartbound, pc.oid) ORDER BY pc.relname), NULL) AS leaf_bounds
            FROM unnest(?::oid[]) AS r(root)
            CROSS JOIN LATERAL pg_partition_tree(r.root) AS p
            JOIN pg_class pc ON pc.oid = p.relid
            WHERE p.isleaf AND p.level > 0
            GROUP BY r.root
            """;

    private static final String COLUMNS = """
            SELECT a.attrelid::bigint AS table_oid, a.attnum, a.attname, a.atttypid::bigint AS type_oid,
                   a.atttypmod, format_type(a.atttypid, a.atttypmod) AS sql_type, a.attnotnull,
                   a.attidentity::text AS identity, a.attgenerated <> '' AS generated,
                   pg_get_expr(d.adbin, d.adrelid) AS default_expression,
                   col_description(a.attrelid, a.attnum) AS comment,
                   sn.nspname AS sequence_schema, s.relname AS sequence_name
            FROM pg_attribute a
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN LATERAL (
                -- an identity column's internal sequence
                SELECT seq.oid, seq.relname, seq.relnamespace FROM pg_depend dep
                JOIN pg_class seq ON seq.oid = dep.objid AND seq.relkind = 'S'
                WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
                  AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
                UNION ALL
                -- the sequence a nextval('...'::regclass) default depends on, owned by the column or not
                SELECT seq.oid, seq.relname, seq.relnamespace FROM pg_depend dep
                JOIN pg_class seq ON seq.oid = dep.refobjid AND seq.relkind = 'S'
                WHERE dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid
                  AND dep.refclassid = 'pg_class'::regclass
                ORDER BY 1
                LIMIT 1
            ) s ON true
            LEFT JOIN pg_namespace sn ON sn.oid = s.relnamespace
            WHERE a.attrelid = ANY (?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
            """;

    /** The columns' types plus everything they are built on: domain base types and array elements. */
    private static final String TYPES = """
            WITH RECURSIVE needed(oid) AS (
                SELECT unnest(?::oid[])
                UNION
                SELECT CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END
                FROM needed JOIN pg_type t ON t.oid = needed.oid
                WHERE t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0)
            )
            SELECT t.oid::bigint AS oid, n.nspname, t.typname, t.typtype::text AS type,
                   t.typcategory::text AS category, t.typbasetype::bigint AS base_type_oid,
                   t.typtypmod, t.typelem::bigint AS element_oid, t.typnotnull,
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_sql_type,
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e
                         WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS enum_labels
            FROM needed
            JOIN pg_type t ON t.oid = needed.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            """;

    /**
     * Unique indexes, whether they back a PRIMARY KEY / UNIQUE constraint or stand alone. A
     * partition's copy of its parent's index (relispartition) is the parent's key, not another one.
     * The %s is the NULLS NOT DISTINCT column, which only exists from PostgreSQL 15.
     */
    private static final String UNIQUE_KEYS = """
            SELECT i.indrelid::bigint AS table_oid, coalesce(con.conname, ic.relname) AS name,
                   con.contype::text AS constraint_type,
                   ARRAY(SELECT a.attname::text FROM generate_series(1, i.indnkeyatts) AS k(n)
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
                         ORDER BY k.n) AS columns,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k.n, true) FROM generate_series(1, i.indnkeyatts) AS k(n)
                         WHERE i.indkey[k.n - 1] = 0
                         ORDER BY k.n) AS expressions,
                   pg_get_expr(i.indpred, i.indrelid) AS predicate,
                   %s AS nulls_not_distinct
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN pg_constraint con
                   ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u')
            WHERE i.indrelid = ANY (?::oid[]) AND i.indisunique AND NOT ic.relispartition
            """;

    /**
     * conparentid <> 0 marks copies PostgreSQL makes for partitions: on a partition of the referencing
     * table, and on the referencing table for each partition of a partitioned referenced table.
     */
    private static final String FOREIGN_KEYS = """
            SELECT con.conrelid::bigint AS table_oid, con.conname, con.condeferrable, con.condeferred,
                   con.confmatchtype::text AS match_type, rn.nspname AS referenced_schema,
                   rc.relname AS referenced_table,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                         ORDER BY k.n) AS columns,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                         ORDER BY k.n) AS referenced_columns
            FROM pg_constraint con
            JOIN pg_class rc ON rc.oid = con.confrelid
            JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE con.contype = 'f' AND con.conrelid = ANY (?::oid[]) AND con.conparentid = 0
            """;

    /** Table and domain CHECK constraints in one pass; pg_get_constraintdef without pretty-printing, as pg_dump writes them. */
    private static final String CHECKS = """
            SELECT con.conrelid::bigint AS table_oid, con.contypid::bigint AS domain_oid,
                   con.conname, con.conislocal,
                   pg_get_constraintdef(con.oid) AS definition,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                         ORDER BY k.n) AS columns
            FROM pg_constraint con
            WHERE con.contype = 'c' AND (con.conrelid = ANY (?::oid[]) OR con.contypid = ANY (?::oid[]))
            """;

    private static final String VIEWS = """
            WITH params AS (SELECT ?::text[] AS excluded, ?::text[] AS prefixes, ?::text[] AS included)
            SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN params
            WHERE c.relkind IN ('v', 'm')
              AND n.nspname <> ALL (params.excluded)
              AND NOT EXISTS (SELECT 1 FROM unnest(params.prefixes) AS p(prefix)
                              WHERE starts_with(n.nspname, p.prefix))
              AND (cardinality(params.included) = 0 OR n.nspname = ANY (params.included))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    /** User triggers (not the internal ones behind foreign keys), each once: not a partition's clone. */
    private static final String TRIGGERS = """
            SELECT t.tgrelid::bigint AS table_oid, t.tgname, t.tgtype::int AS type, t.tgenabled <> 'D' AS enabled
            FROM pg_trigger t
            WHERE t.tgrelid = ANY (?::oid[]) AND NOT t.tgisinternal
            """;

    private static final String EXCLUSIONS = """
            SELECT con.conrelid::bigint AS table_oid, con.conname, pg_get_constraintdef(con.oid) AS definition
            FROM pg_constraint con
            WHERE con.contype = 'x' AND con.conrelid = ANY (?::oid[]) AND con.conparentid = 0
            """;

    private final Connection connection;

    PostgresCatalog(Connection connection) {
        this.connection = connection;
    }

    int serverVersion() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SERVER_VERSION);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<TableRow> tables(IntrospectionOptions options) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setArray(1, textArray(IntrospectionOptions.ALWAYS_EXCLUDED));
            statement.setArray(2, textArray(IntrospectionOptions.ALWAYS_EXCLUDED_PREFIXES));
            statement.setArray(3, textArray(options.schemas()));
            return readAll(statement, rs -> new TableRow(rs.getLong("oid"),
                    new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                    rs.getBoolean("partitioned"), rs.getString("comment")));
        }
    }

    List<PartitionRow> partitions(Collection<Long> partitionedTableOids) throws SQLException {
        if (partitionedTableOids.isEmpty()) return List.of();
        try (PreparedStatement statement = connection.prepareStatement(PARTITIONS)) {
            statement.setArray(1, oidArray(partitionedTableOids));
            return readAll(statement, rs -> new PartitionRow(rs.getLong("oid"), rs.getLong("root_oid")));
        }
    }

    List<PartitionBoundsRow> partitionBounds(Collection<Long> partitionedTableOids) throws SQLException {
        if (partitionedTableOids.isEmpty()) return List.of();
        try (PreparedStatement statement = connection.prepareStatement(PARTITION_BOUNDS)) {
            statement.setArray(1, oidArray(partitionedTableOids));
            return readAll(statement, rs -> new PartitionBoundsRow(rs.getLong("root_oid"), rs.getString("key_definition"),
                    strings(rs, "leaf_bounds")));
        }
    }

    List<ColumnRow> columns(Collection<Long> tableOids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setArray(1, oidArray(tableOids));
            return readAll(statement, PostgresCatalog::columnRow);
        }
    }

    private static ColumnRow columnRow(ResultSet rs) throws SQLException {
        String sequenceName = rs.getString("sequence_name");
        QualifiedName sequence = sequenceName == null ? null
                : new QualifiedName(rs.getString("sequence_schema"), sequenceName);
        return new ColumnRow(rs.getLong("table_oid"), rs.getInt("attnum"), rs.getString("attname"),
                rs.getLong("type_oid"), rs.getInt("atttypmod"), rs.getString("sql_type"),
                rs.getBoolean("attnotnull"), rs.getString("identity"), rs.getBoolean("generated"),
                rs.getString("default_expression"), sequence, rs.getString("comment"));
    }

    List<TypeRow> types(Collection<Long> typeOids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TYPES)) {
            statement.setArray(1, oidArray(typeOids));
            return readAll(statement, rs -> new TypeRow(rs.getLong("oid"), rs.getString("nspname"),
                    rs.getString("typname"), rs.getString("type").charAt(0), rs.getString("category").charAt(0),
                    rs.getLong("base_type_oid"), rs.getInt("typtypmod"), rs.getString("base_sql_type"),
                    rs.getLong("element_oid"), rs.getBoolean("typnotnull"), strings(rs, "enum_labels")));
        }
    }

    List<UniqueKeyRow> uniqueKeys(Collection<Long> tableOids, int serverVersion) throws SQLException {
        String nullsNotDistinct = serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEYS.formatted(nullsNotDistinct))) {
            statement.setArray(1, oidArray(tableOids));
            return readAll(statement, rs -> new UniqueKeyRow(rs.getLong("table_oid"), new UniqueKey(
                    rs.getString("name"), strings(rs, "columns"), uniqueKind(rs.getString("constraint_type")),
                    rs.getBoolean("nulls_not_distinct"), rs.getString("predicate"), strings(rs, "expressions"))));
        }
    }

    private static UniqueKey.Kind uniqueKind(String constraintType) {
        if (constraintType == null) return UniqueKey.Kind.UNIQUE_INDEX;
        return constraintType.equals("p") ? UniqueKey.Kind.PRIMARY_KEY : UniqueKey.Kind.UNIQUE_CONSTRAINT;
    }

    List<ForeignKeyRow> foreignKeys(Collection<Long> tableOids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEYS)) {
            statement.setArray(1, oidArray(tableOids));
            return readAll(statement, rs -> new ForeignKeyRow(rs.getLong("table_oid"), new ForeignKey(
                    rs.getString("conname"), strings(rs, "columns"),
                    new QualifiedName(rs.getString("referenced_schema"), rs.getString("referenced_table")),
                    strings(rs, "referenced_columns"), rs.getBoolean("condeferrable"),
                    rs.getBoolean("condeferred"), matchType(rs.getString("match_type")))));
        }
    }

    private static ForeignKey.MatchType matchType(String code) {
        return switch (code) {
            case "f" -> ForeignKey.MatchType.FULL;
            case "p" -> ForeignKey.MatchType.PARTIAL;
            default -> ForeignKey.MatchType.SIMPLE;
        };
    }

    List<CheckRow> checks(Collection<Long> tableOids, Collection<Long> domainOids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECKS)) {
            statement.setArray(1, oidArray(tableOids));
            statement.setArray(2, oidArray(domainOids));
            return readAll(statement, rs -> new CheckRow(rs.getLong("table_oid"), rs.getLong("domain_oid"),
                    rs.getString("conname"), rs.getString("definition"),
                    strings(rs, "columns"), rs.getBoolean("conislocal")));
        }
    }

    List<ViewRow> views(IntrospectionOptions options) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(VIEWS)) {
            statement.setArray(1, textArray(IntrospectionOptions.ALWAYS_EXCLUDED));
            statement.setArray(2, textArray(IntrospectionOptions.ALWAYS_EXCLUDED_PREFIXES));
            statement.setArray(3, textArray(options.schemas()));
            return readAll(statement, rs -> new ViewRow(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                    rs.getBoolean("materialized")));
        }
    }

    List<TriggerRow> triggers(Collection<Long> tableOids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRIGGERS)) {
            statement.setArray(1, oidArray(tableOids));
            return readAll(statement, rs -> new TriggerRow(rs.getLong("table_oid"), rs.getString("tgname"),
                    rs.getInt("type"), rs.getBoolean("enabled")));
        }
    }

    List<ExclusionRow> exclusions(Collection<Long> relationOids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXCLUSIONS)) {
            statement.setArray(1, oidArray(relationOids));
            return readAll(statement, rs -> new ExclusionRow(rs.getLong("table_oid"), rs.getString("conname"),
                    rs.getString("definition")));
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> readAll(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) rows.add(reader.read(rs));
        }
        return rows;
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) return List.of();
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private Array textArray(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** Object ids go over the wire as bigint[] (JDBC has no oid type) and are cast to oid[] in SQL. */
    private Array oidArray(Collection<Long> oids) throws SQLException {
        return connection.createArrayOf("bigint", oids.toArray(Long[]::new));
    }
}
