package io.seedfleet.core.schema;

import io.seedfleet.core.schema.MysqlCatalog.CheckRow;
import io.seedfleet.core.schema.MysqlCatalog.ColumnRow;
import io.seedfleet.core.schema.MysqlCatalog.ForeignKeyColumnRow;
import io.seedfleet.core.schema.MysqlCatalog.IndexColumnRow;
import io.seedfleet.core.schema.MysqlCatalog.TableRow;
import io.seedfleet.core.schema.MysqlCatalog.TriggerRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a live MySQL (8.0.16+) or MariaDB (10.2+) database's schema from information_schema into a
 * {@link SchemaModel}. A MySQL database is the model's schema.
 *
 * <p>Reads base tables (views and triggers are listed, never written) with their columns in
 * ordinal order, primary keys and unique indexes, foreign keys and CHECK constraints. AUTO_INCREMENT
 * columns are {@link Column.Identity#BY_DEFAULT}: MySQL numbers them but takes explicit values,
 * and moves its counter past the largest one written, so no sequence needs setting afterwards.
 * Generated (VIRTUAL/STORED) columns are never written. What a MySQL type alone forbids (integer
 * ranges of tinyint/mediumint/unsigned types, YEAR, the 1970-2038 TIMESTAMP range, finite floats)
 * becomes a CHECK named {@code mysql_type.<column>}; see {@link MysqlTypes}.
 */
public final class MysqlIntrospector {
    /** The name prefix of CHECKs that restate what a MySQL column type allows (the server enforces them by type). */
    public static final String TYPE_CHECK_PREFIX = "mysql_type.";

    /** Databases that are never introspected: the server's own, and Seedfleet's bookkeeping. */
    public static final Set<String> ALWAYS_EXCLUDED =
            Set.of("information_schema", "mysql", "performance_schema", "sys", "seedfleet_ledger", "seedfleet");

    private MysqlIntrospector() {}

    /**
     * Reads the databases {@code options.schemas()} lists, or the connection's current database
     * when it lists none, in one read-only transaction of its own; autocommit is restored afterwards.
     *
     * @throws IntrospectionException when a catalog query fails
     * @throws IllegalStateException when the connection is inside a transaction, or has no current database and none is listed
     */
    public static SchemaModel introspect(Connection connection, IntrospectionOptions options) {
        Objects.requireNonNull(options, "options");
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw new IntrospectionException("could not read the database schema: " + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            } catch (SQLException e) {
                throw new IllegalStateException("schema introspection needs its own transaction: commit or roll back the open one first", e);
            }
            try {
                return read(connection, schemas(connection, options));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IntrospectionException("could not read the database schema: " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the caller finds out on its next use
            }
        }
    }

    private static List<String> schemas(Connection connection, IntrospectionOptions options) throws SQLException {
        List<String> listed = options.schemas().isEmpty() ? currentDatabase(connection) : options.schemas();
        return listed.stream().filter(s -> !ALWAYS_EXCLUDED.contains(s.toLowerCase(Locale.ROOT))).distinct().toList();
    }

    private static List<String> currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT DATABASE()")) {
            String current = rs.next() ? rs.getString(1) : null;
            if (current == null) throw new IllegalStateException("the connection has no current database: name one in the URL or list schemas");
            return List.of(current);
        }
    }

    private static SchemaModel read(Connection connection, List<String> schemas) throws SQLException {
        if (schemas.isEmpty()) return new SchemaModel(List.of());
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        MysqlCatalog catalog = new MysqlCatalog(connection, schemas);
        List<TableRow> tables = catalog.tables();
        Map<QualifiedName, List<ColumnRow>> columns = catalog.columns().stream()
                .collect(Collectors.groupingBy(c -> new QualifiedName(c.schema(), c.table())));
        Map<QualifiedName, List<IndexColumnRow>> indexes = catalog.uniqueIndexColumns().stream()
                .collect(Collectors.groupingBy(i -> new QualifiedName(i.schema(), i.table())));
        Map<QualifiedName, List<ForeignKeyColumnRow>> foreignKeys = catalog.foreignKeyColumns().stream()
                .collect(Collectors.groupingBy(f -> new QualifiedName(f.schema(), f.table())));
        Map<QualifiedName, List<CheckRow>> checks = catalog.checks(mariaDb).stream()
                .collect(Collectors.groupingBy(c -> new QualifiedName(c.schema(), c.table())));

        List<Table> modelTables = new ArrayList<>();
        List<SchemaModel.View> views = new ArrayList<>();
        List<SchemaModel.Unsupported> unsupported = new ArrayList<>();
        for (TableRow t : tables) {
            QualifiedName name = new QualifiedName(t.schema(), t.name());
            if (t.view()) {
                views.add(new SchemaModel.View(name, false));
                continue;
            }
            modelTables.add(table(name, t.comment(), columns.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of()),
                    foreignKeys.getOrDefault(name, List.of()), checks.getOrDefault(name, List.of()), mariaDb, unsupported));
        }
        return new SchemaModel(modelTables, views, triggers(catalog.triggers()), unsupported);
    }

    private static Table table(QualifiedName name, String comment, List<ColumnRow> columnRows, List<IndexColumnRow> indexRows,
                               List<ForeignKeyColumnRow> fkRows, List<CheckRow> checkRows, boolean mariaDb,
                               List<SchemaModel.Unsupported> unsupported) {
        List<ColumnRow> ordered = columnRows.stream().sorted(Comparator.comparingInt(ColumnRow::position)).toList();
        List<String> columnNames = ordered.stream().map(ColumnRow::name).toList();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (ColumnRow row : ordered) {
            // MariaDB stores JSON as LONGTEXT with an implicit json_valid CHECK named after the column: that CHECK is the type.
            boolean json = MysqlTypes.isText(row.dataType())
                    && checkRows.stream().anyMatch(c -> MysqlCheckText.isJsonValid(c.clause(), row.name()));
            MysqlTypes.Resolved type = MysqlTypes.resolve(row, json);
            if (type.typeCheck() != null && row.generationExpression() == null) checks.add(type.typeCheck());
            if (type.unsupported() != null) unsupported.add(type.unsupported());
            columns.add(column(row, type.type(), mariaDb));
        }
        for (CheckRow row : checkRows) {
            boolean implicitJson = columnNames.stream().anyMatch(c -> MysqlCheckText.isJsonValid(row.clause(), c));
            if (implicitJson) continue;
            checks.add(new CheckConstraint(row.name(), MysqlCheckText.standardQuotes(row.clause()),
                    MysqlCheckText.mentionedColumns(row.clause(), columnNames)));
        }
        checks.sort(Comparator.comparing(CheckConstraint::name));
        return new Table(name, columns, uniqueKeys(name, indexRows, unsupported), foreignKeys(fkRows), checks, comment);
    }

    private static Column column(ColumnRow row, ColumnType type, boolean mariaDb) {
        String extra = row.extra() == null ? "" : row.extra().toLowerCase(Locale.ROOT);
        boolean generated = row.generationExpression() != null;
        Column.Identity identity = extra.contains("auto_increment") ? Column.Identity.BY_DEFAULT : Column.Identity.NONE;
        String defaultExpression = generated ? row.generationExpression() : defaultExpression(row, extra, mariaDb);
        return new Column(row.name(), type, row.nullable(), defaultExpression, identity, null, generated, row.comment());
    }

    /**
     * Defaults as MariaDB prints them: literals quoted ({@code 'G'}), expressions bare
     * ({@code current_timestamp()}), no default as null. MariaDB prints "NULL" for a NULL default
     * (or none); MySQL prints literals unquoted and marks expressions DEFAULT_GENERATED, so its
     * literals are quoted here to read the same.
     */
    private static String defaultExpression(ColumnRow row, String extra, boolean mariaDb) {
        String value = row.defaultValue();
        if (value == null) return null;
        if (mariaDb) return value.equals("NULL") ? null : value;
        boolean expression = extra.contains("default_generated");
        boolean quoted = switch (row.dataType()) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "date", "datetime", "timestamp",
                    "time", "binary", "varbinary" -> true;
            default -> false;
        };
        return quoted && !expression ? Identifiers.literal(value) : value;
    }

    /**
     * Unique indexes (PRIMARY is the primary key). A prefix index ({@code UNIQUE (name(10))}) makes
     * the prefix unique, which is more than the column: it is kept with the prefix as an expression
     * and reported as unsupported.
     */
    private static List<UniqueKey> uniqueKeys(QualifiedName table, List<IndexColumnRow> rows, List<SchemaModel.Unsupported> unsupported) {
        Map<String, List<IndexColumnRow>> byIndex = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(IndexColumnRow::index).thenComparingInt(IndexColumnRow::position))
                .forEach(r -> byIndex.computeIfAbsent(r.index(), k -> new ArrayList<>()).add(r));
        List<UniqueKey> keys = new ArrayList<>();
        byIndex.forEach((index, parts) -> {
            List<String> columns = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            for (IndexColumnRow part : parts) {
                if (part.column() == null) {
                    unsupported.add(new SchemaModel.Unsupported(table + "." + index, "functional unique index", "its expressions are not read"));
                    return;
                }
                if (part.subPart() != null) expressions.add("left(" + Identifiers.quote(part.column()) + ", " + part.subPart() + ")");
                else columns.add(part.column());
            }
            if (index.equals("PRIMARY")) {
                keys.add(UniqueKey.primaryKey(index, columns));
            } else if (expressions.isEmpty()) {
                keys.add(UniqueKey.unique(index, columns));
            } else {
                keys.add(new UniqueKey(index, columns, UniqueKey.Kind.UNIQUE_INDEX, false, null, expressions));
                unsupported.add(new SchemaModel.Unsupported(table + "." + index, "prefix unique index",
                        String.join(", ", expressions) + ": values are unique as a whole, not guaranteed by prefix"));
            }
        });
        keys.sort(Comparator.comparing(UniqueKey::name));
        return keys;
    }

    private static List<ForeignKey> foreignKeys(List<ForeignKeyColumnRow> rows) {
        Map<String, List<ForeignKeyColumnRow>> byName = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(ForeignKeyColumnRow::name).thenComparingInt(ForeignKeyColumnRow::position))
                .forEach(r -> byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
        List<ForeignKey> keys = new ArrayList<>();
        byName.forEach((name, parts) -> {
            ForeignKeyColumnRow first = parts.get(0);
            keys.add(ForeignKey.of(name, parts.stream().map(ForeignKeyColumnRow::column).toList(),
                    new QualifiedName(first.referencedSchema(), first.referencedTable()),
                    parts.stream().map(ForeignKeyColumnRow::referencedColumn).toList()));
        });
        return keys;
    }

    private static List<SchemaModel.Trigger> triggers(List<TriggerRow> rows) {
        Map<List<String>, List<TriggerRow>> byTrigger = new LinkedHashMap<>();
        rows.forEach(r -> byTrigger.computeIfAbsent(List.of(r.schema(), r.table(), r.name()), k -> new ArrayList<>()).add(r));
        List<SchemaModel.Trigger> triggers = new ArrayList<>();
        byTrigger.forEach((key, parts) -> triggers.add(new SchemaModel.Trigger(new QualifiedName(key.get(0), key.get(1)), key.get(2),
                parts.get(0).timing(), parts.stream().map(TriggerRow::event).sorted().distinct().toList(), true)));
        return triggers;
    }
}
