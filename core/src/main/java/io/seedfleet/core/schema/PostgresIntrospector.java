package io.seedfleet.core.schema;

import io.seedfleet.core.schema.PostgresCatalog.ColumnRow;
import io.seedfleet.core.schema.PostgresCatalog.PartitionRow;
import io.seedfleet.core.schema.PostgresCatalog.TableRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a live PostgreSQL (12 or later) database's schema from pg_catalog into a {@link SchemaModel}.
 *
 * <p>Reads ordinary and partitioned tables (not their partitions, views, materialized views,
 * foreign tables or tables created by extensions) with their columns, primary keys, unique
 * constraints and unique indexes, foreign keys and CHECK constraints, including the CHECKs of the
 * domains the columns are declared with. A partition's own constraints (ones it did not inherit,
 * such as pagila's foreign keys declared on some payment partitions only) are reported on its
 * top-level table: rows are written through the parent and may land in any partition.
 *
 * <p>The output is deterministic: tables by name, columns in declared order, keys, foreign keys and
 * checks by name. Type names and expressions are schema-qualified as pg_dump writes them
 * ({@code 'new'::fixture.order_status}), whatever the connection's search_path.
 */
public final class PostgresIntrospector {
    private PostgresIntrospector() {}

    /**
     * Reads the schema in one read-only transaction of its own, so {@code connection} must not be
     * inside a transaction; its autocommit setting is restored afterwards.
     *
     * @throws IntrospectionException when a catalog query fails
     * @throws IllegalStateException when the connection is inside a transaction
     */
    public static SchemaModel introspect(Connection connection, IntrospectionOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return CatalogSnapshot.read(connection, "schema introspection", () -> read(new PostgresCatalog(connection), options));
        } catch (SQLException e) {
            throw new IntrospectionException("could not read the database schema: " + e.getMessage(), e);
        }
    }

    /**
     * The catalog queries, each for all tables at once. Constraints are read for the tables and their
     * partitions alike; the builder decides which of a partition's constraints count.
     */
    private static SchemaModel read(PostgresCatalog catalog, IntrospectionOptions options) throws SQLException {
        int serverVersion = catalog.serverVersion();
        List<TableRow> tables = catalog.tables(options);
        Map<Long, Long> owners = owners(tables, catalog.partitions(partitionedOids(tables)));
        List<Long> relationOids = List.copyOf(owners.keySet());

        List<ColumnRow> columns = catalog.columns(tables.stream().map(TableRow::oid).toList());
        PostgresTypes types = new PostgresTypes(catalog.types(
                columns.stream().map(ColumnRow::typeOid).collect(Collectors.toCollection(TreeSet::new))));
        PostgresSchemaBuilder builder = new PostgresSchemaBuilder(owners, columns, types,
                catalog.uniqueKeys(relationOids, serverVersion),
                catalog.foreignKeys(relationOids),
                catalog.checks(relationOids, types.domainOids()));
        Map<Long, Partitioning> partitioning = partitioning(catalog.partitionBounds(partitionedOids(tables)));
        List<Table> model = tables.stream().map(t -> builder.table(t, partitioning.get(t.oid()))).toList();
        Map<Long, QualifiedName> names = tables.stream().collect(Collectors.toMap(TableRow::oid, TableRow::name));
        List<SchemaModel.View> views = catalog.views(options).stream()
                .map(v -> new SchemaModel.View(v.name(), v.materialized())).toList();
        List<SchemaModel.Trigger> triggers = catalog.triggers(names.keySet()).stream()
                .map(t -> trigger(names.get(t.tableOid()), t)).toList();
        List<SchemaModel.Unsupported> unsupported = new java.util.ArrayList<>(unsupportedTypes(model));
        catalog.exclusions(relationOids).forEach(x -> unsupported.add(new SchemaModel.Unsupported(
                names.get(owners.get(x.tableOid())).toString(), "exclusion constraint " + x.name(),
                x.definition() + "; generated rows are not arranged around it, so a load may violate it")));
        return new SchemaModel(model, views, triggers, unsupported);
    }

    /** pg_trigger.tgtype bits, as in PostgreSQL's catalog/pg_trigger.h. */
    private static SchemaModel.Trigger trigger(QualifiedName table, PostgresCatalog.TriggerRow row) {
        int type = row.type();
        String timing = (type & 64) != 0 ? "INSTEAD OF" : (type & 2) != 0 ? "BEFORE" : "AFTER";
        List<String> events = new java.util.ArrayList<>();
        if ((type & 4) != 0) events.add("INSERT");
        if ((type & 16) != 0) events.add("UPDATE");
        if ((type & 8) != 0) events.add("DELETE");
        if ((type & 32) != 0) events.add("TRUNCATE");
        return new SchemaModel.Trigger(table, row.name(), timing + " " + ((type & 1) != 0 ? "ROW" : "STATEMENT"), events, row.enabled());
    }

    /** Columns of types the engine cannot make (extension types such as PostGIS geometry): left NULL or to their default. */
    private static List<SchemaModel.Unsupported> unsupportedTypes(List<Table> tables) {
        List<SchemaModel.Unsupported> out = new java.util.ArrayList<>();
        for (Table t : tables) {
            for (Column c : t.columns()) {
                ColumnType type = c.type().kind() == TypeKind.ARRAY && c.type().element() != null ? c.type().element() : c.type();
                if (type.kind() != TypeKind.OTHER || c.generated()) continue;
                out.add(new SchemaModel.Unsupported(t.name() + "." + c.name(), "type " + c.type().sqlName(),
                        c.nullable() ? "left NULL" : c.defaultExpression() != null ? "left to its default" : "NOT NULL without a default: the table cannot be generated"));
            }
        }
        return out;
    }

    /** {@code RANGE (payment_date)} and the leaf bounds become a {@link Partitioning}; an expression key keeps no columns. */
    private static Map<Long, Partitioning> partitioning(List<PostgresCatalog.PartitionBoundsRow> rows) {
        Map<Long, Partitioning> out = new LinkedHashMap<>();
        for (PostgresCatalog.PartitionBoundsRow row : rows) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)^(\\w+)\\s*\\((.*)\\)$").matcher(row.keyDefinition().trim());
            if (!m.matches()) continue;
            List<String> columns = new java.util.ArrayList<>();
            for (String part : m.group(2).split(",")) {
                String c = part.trim();
                if (c.matches("[A-Za-z_][A-Za-z0-9_$]*")) columns.add(c);
                else if (c.matches("\"([^\"]|\"\")+\"")) columns.add(c.substring(1, c.length() - 1).replace("\"\"", "\""));
                else { columns.clear(); break; }
            }
            out.put(row.rootOid(), new Partitioning(m.group(1).toUpperCase(java.util.Locale.ROOT), columns, row.leafBounds()));
        }
        return out;
    }

    private static List<Long> partitionedOids(List<TableRow> tables) {
        return tables.stream().filter(TableRow::partitioned).map(TableRow::oid).toList();
    }

    /** Maps every relation whose constraints count (top-level tables and their partitions) to its top-level table. */
    private static Map<Long, Long> owners(List<TableRow> tables, List<PartitionRow> partitions) {
        Map<Long, Long> owners = new LinkedHashMap<>();
        tables.forEach(t -> owners.put(t.oid(), t.oid()));
        partitions.forEach(p -> owners.put(p.oid(), p.rootOid()));
        return owners;
    }
}
