package io.seedfleet.core.schema;

import io.seedfleet.core.schema.PostgresCatalog.CheckRow;
import io.seedfleet.core.schema.PostgresCatalog.ColumnRow;
import io.seedfleet.core.schema.PostgresCatalog.ForeignKeyRow;
import io.seedfleet.core.schema.PostgresCatalog.TableRow;
import io.seedfleet.core.schema.PostgresCatalog.TypeRow;
import io.seedfleet.core.schema.PostgresCatalog.UniqueKeyRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds model {@link Table}s from the rows {@link PostgresCatalog} read. {@code owners} maps each
 * relation id to its top-level table's: a table to itself, a partition to its partition root.
 */
final class PostgresSchemaBuilder {

    /** A constraint as read, with the relation (top-level table or partition) it is declared on. */
    private record Declared<T>(long relationOid, T value) {}

    private final Map<Long, Long> owners;
    private final PostgresTypes types;
    private final Map<Long, List<ColumnRow>> columnsByTable;
    private final Map<Long, List<UniqueKey>> keysByTable;
    private final Map<Long, List<ForeignKey>> foreignKeysByTable;
    private final Map<Long, List<CheckConstraint>> checksByTable;
    private final Map<Long, List<CheckRow>> checksByDomain;

    PostgresSchemaBuilder(Map<Long, Long> owners, List<ColumnRow> columns, PostgresTypes types,
                          List<UniqueKeyRow> keys, List<ForeignKeyRow> foreignKeys, List<CheckRow> checks) {
        this.owners = owners;
        this.types = types;
        this.columnsByTable = columns.stream().collect(Collectors.groupingBy(ColumnRow::tableOid));
        this.keysByTable = lift(keys.stream().map(k -> new Declared<>(k.tableOid(), k.key())).toList(),
                UniqueKey::name, PostgresSchemaBuilder::liftedKey, PostgresSchemaBuilder::keyDefinition);
        this.foreignKeysByTable = lift(foreignKeys.stream().map(f -> new Declared<>(f.tableOid(), f.foreignKey())).toList(),
                ForeignKey::name, Function.identity(), PostgresSchemaBuilder::foreignKeyDefinition);
        this.checksByTable = lift(tableChecks(checks),
                CheckConstraint::name, Function.identity(), c -> List.of(c.expression(), c.columns()));
        this.checksByDomain = checks.stream().filter(c -> c.domainOid() != 0)
                .collect(Collectors.groupingBy(CheckRow::domainOid));
    }

    Table table(TableRow table, Partitioning partitioning) {
        List<ColumnRow> columns = columnsByTable.getOrDefault(table.oid(), List.of()).stream()
                .sorted(Comparator.comparingInt(ColumnRow::position)).toList();
        List<CheckConstraint> checks = new ArrayList<>(checksByTable.getOrDefault(table.oid(), List.of()));
        checks.addAll(domainChecks(columns));
        checks.sort(Comparator.comparing(CheckConstraint::name));
        return new Table(table.name(), columns.stream().map(this::column).toList(),
                keysByTable.getOrDefault(table.oid(), List.of()),
                foreignKeysByTable.getOrDefault(table.oid(), List.of()),
                checks, table.comment(), partitioning);
    }

    // --- columns --------------------------------------------------------------------------------

    private Column column(ColumnRow row) {
        ColumnType type = types.resolve(row.typeOid(), row.typmod(), row.sqlType());
        boolean nullable = !row.notNull() && !types.notNullDomain(row.typeOid());
        Column.Identity identity = identity(row);
        QualifiedName sequence = identity == Column.Identity.NONE ? null : row.sequence();
        // for a generated column pg_attrdef holds the generation expression: it is reported as the default
        return new Column(row.name(), type, nullable, row.defaultExpression(), identity, sequence,
                row.generated(), row.comment());
    }

    /**
     * SERIAL covers every column whose default is a nextval() on a sequence, whether the sequence is
     * owned by the column (serial) or not (pg_dump output such as pagila's): either way the database
     * numbers the rows and the sequence must be moved past the generated keys.
     */
    private static Column.Identity identity(ColumnRow row) {
        return switch (row.identity()) {
            case "a" -> Column.Identity.ALWAYS;
            case "d" -> Column.Identity.BY_DEFAULT;
            default -> row.sequence() != null && row.defaultExpression() != null
                    && row.defaultExpression().startsWith("nextval(")
                    ? Column.Identity.SERIAL : Column.Identity.NONE;
        };
    }

    // --- constraints declared on a table or on its partitions -----------------------------------

    /**
     * Groups constraints by top-level table, sorted by name. A table's own constraints are all kept;
     * one declared on a partition is kept (after {@code lifted}) unless an equal {@code definition}
     * is already there: typically the same foreign key repeated on every partition.
     */
    private <T> Map<Long, List<T>> lift(List<Declared<T>> declared, Function<T, String> name,
                                        Function<T, T> lifted, Function<T, Object> definition) {
        Comparator<Declared<T>> ownFirstThenByName = Comparator
                .comparing((Declared<T> d) -> !isOwn(d))
                .thenComparing(d -> name.apply(d.value()));
        Map<Long, List<T>> kept = new HashMap<>();
        Map<Long, Set<Object>> seen = new HashMap<>();
        declared.stream().filter(d -> owners.containsKey(d.relationOid())).sorted(ownFirstThenByName).forEach(d -> {
            long owner = owners.get(d.relationOid());
            T value = isOwn(d) ? d.value() : lifted.apply(d.value());
            boolean isNew = seen.computeIfAbsent(owner, o -> new HashSet<>()).add(definition.apply(value));
            if (isOwn(d) || isNew) kept.computeIfAbsent(owner, o -> new ArrayList<>()).add(value);
        });
        kept.values().forEach(values -> values.sort(Comparator.comparing(name)));
        return kept;
    }

    private boolean isOwn(Declared<?> declared) {
        return isTopLevel(declared.relationOid());
    }

    private boolean isTopLevel(long relationOid) {
        return owners.get(relationOid) == relationOid;
    }

    /** A table has one primary key; a partition's own primary key is a unique key of the whole table. */
    private static UniqueKey liftedKey(UniqueKey key) {
        return key.isPrimaryKey()
                ? new UniqueKey(key.name(), key.columns(), UniqueKey.Kind.UNIQUE_CONSTRAINT,
                        key.nullsNotDistinct(), key.predicate(), key.expressions())
                : key;
    }

    private static Object keyDefinition(UniqueKey key) {
        return List.of(key.columns(), key.expressions(), Objects.toString(key.predicate(), ""), key.nullsNotDistinct());
    }

    private static Object foreignKeyDefinition(ForeignKey fk) {
        return List.of(fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.deferrable(),
                fk.initiallyDeferred(), fk.match());
    }

    /**
     * Table CHECKs. A partition's copies of its parent's checks (not local) are the parent's own;
     * the ones it declares itself are lifted. NOT ENFORCED checks are dropped.
     */
    private List<Declared<CheckConstraint>> tableChecks(List<CheckRow> checks) {
        List<Declared<CheckConstraint>> declared = new ArrayList<>();
        for (CheckRow row : checks) {
            if (!owners.containsKey(row.tableOid())) continue;
            if (!isTopLevel(row.tableOid()) && !row.local()) continue;
            PostgresCheckText.expression(row.definition()).ifPresent(expression -> declared.add(
                    new Declared<>(row.tableOid(), new CheckConstraint(row.name(), expression, row.columns()))));
        }
        return declared;
    }

    /**
     * A domain's CHECKs, restated for each column of that domain (or of a domain built on it): VALUE
     * becomes the quoted column name, and the name is {@code domain.constraint}.
     */
    private List<CheckConstraint> domainChecks(List<ColumnRow> columns) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (ColumnRow column : columns) {
            for (TypeRow domain : types.domainChain(column.typeOid())) {
                for (CheckRow check : checksByDomain.getOrDefault(domain.oid(), List.of())) {
                    PostgresCheckText.expression(check.definition()).ifPresent(expression -> checks.add(
                            new CheckConstraint(domain.name() + "." + check.name(),
                                    PostgresCheckText.replaceValueKeyword(expression, Identifiers.quote(column.name())),
                                    List.of(column.name()))));
                }
            }
        }
        return checks;
    }
}
