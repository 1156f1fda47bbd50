package io.seedfleet.core.inspect;

import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.Semantic;
import io.seedfleet.core.inspect.Inspection.CheckInfo;
import io.seedfleet.core.inspect.Inspection.ColumnInfo;
import io.seedfleet.core.inspect.Inspection.Cycle;
import io.seedfleet.core.inspect.Inspection.EnumInfo;
import io.seedfleet.core.inspect.Inspection.ForeignKeyInfo;
import io.seedfleet.core.inspect.Inspection.KeyInfo;
import io.seedfleet.core.inspect.Inspection.ManyToMany;
import io.seedfleet.core.inspect.Inspection.Relationship;
import io.seedfleet.core.inspect.Inspection.TableInfo;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.GenerationPlan.DeferredForeignKey;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.MysqlIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Describes a schema model for people and tools: each column's role and meaning, keys,
 * relationships (many-to-many through junction tables too), cycles and how a load breaks them, and
 * what the engine does not support. Planning is tried with default volumes; what stops it is listed
 * under {@code problems}, not thrown, since showing it is the point.
 */
public final class SchemaInspector {
    private SchemaInspector() {}

    public static Inspection inspect(String source, SchemaModel schema) {
        List<String> problems = new ArrayList<>();
        GenerationPlan plan = null;
        try {
            plan = Planner.plan(schema, new RowCounts(Map.of(), 1000, 3.0), 1);
            Dataset.of(plan);
        } catch (PlanningException e) {
            e.problems().forEach(p -> problems.add(p.toString()));
        }
        List<TableInfo> tables = schema.tables().stream().map(SchemaInspector::table).toList();
        List<Relationship> relationships = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) relationships.add(relationship(t, fk));
        }
        List<ManyToMany> manyToMany = schema.tables().stream().filter(SchemaInspector::isJunction)
                .map(t -> new ManyToMany(t.name().toString(), t.foreignKeys().get(0).referencedTable().toString(),
                        t.foreignKeys().get(1).referencedTable().toString())).toList();
        List<Cycle> cycles = plan == null ? List.of() : cycles(schema, plan);
        List<List<String>> loadOrder = plan == null ? List.of()
                : plan.levels().stream().map(level -> level.stream().map(QualifiedName::toString).toList()).toList();
        Map<String, List<String>> enums = new TreeMap<>();
        schema.tables().forEach(t -> t.columns().forEach(c -> enumOf(c.type(), enums)));
        int columns = tables.stream().mapToInt(t -> t.columns().size()).sum();
        int checks = tables.stream().mapToInt(t -> t.checks().size()).sum();
        int uniqueKeys = schema.tables().stream().mapToInt(t -> t.uniqueKeys().size()).sum();
        return new Inspection(Inspection.FORMAT, source,
                new Inspection.Summary(tables.size(), columns, relationships.size(), uniqueKeys, checks, cycles.size(), manyToMany.size()),
                tables, relationships, manyToMany, cycles, loadOrder,
                enums.entrySet().stream().map(e -> new EnumInfo(e.getKey(), e.getValue())).toList(),
                schema.views().stream().map(v -> v.name() + (v.materialized() ? " (materialized)" : "")).toList(),
                schema.triggers().stream().map(t -> new Inspection.TriggerInfo(t.table().toString(), t.name(), t.timing(), t.events(), t.enabled())).toList(),
                schema.unsupported().stream().map(u -> new Inspection.Unsupported(u.object(), u.construct(), u.detail())).toList(),
                problems);
    }

    private static TableInfo table(Table t) {
        Set<String> fkColumns = new HashSet<>();
        t.foreignKeys().forEach(fk -> fkColumns.addAll(fk.columns()));
        List<String> pk = t.primaryKey().map(UniqueKey::columns).orElse(List.of());
        List<ColumnInfo> columns = t.columns().stream().map(c -> column(t, c, pk, fkColumns)).toList();
        List<KeyInfo> keys = t.uniqueKeys().stream().filter(k -> !k.isPrimaryKey())
                .map(k -> new KeyInfo(k.name(), k.columns(), k.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        k.nullsNotDistinct(), k.predicate(), k.expressions())).toList();
        List<ForeignKeyInfo> fks = t.foreignKeys().stream().map(fk -> new ForeignKeyInfo(fk.name(), fk.columns(),
                fk.referencedTable().toString(), fk.referencedColumns(), fk.match().name(), fk.deferrable())).toList();
        // MySQL's type limits travel as CHECKs for the engine; the column's type already says them.
        List<CheckInfo> checks = t.checks().stream().filter(c -> !c.name().startsWith(MysqlIntrospector.TYPE_CHECK_PREFIX))
                .map(c -> new CheckInfo(c.name(), c.expression(), c.columns())).toList();
        String partitioning = t.partitioning() == null ? null
                : t.partitioning().strategy() + " (" + String.join(", ", t.partitioning().columns()) + "), "
                + t.partitioning().bounds().size() + " partitions";
        return new TableInfo(t.name().toString(), t.comment(), columns, pk, keys, fks, checks, partitioning);
    }

    private static ColumnInfo column(Table t, Column c, List<String> pk, Set<String> fkColumns) {
        Semantic semantic = Semantic.classify(t, c);
        String role;
        if (c.generated()) role = "generated";
        else if (c.identity() == Column.Identity.SERIAL) role = "sequence";
        else if (c.identity() != Column.Identity.NONE) role = "identity";
        else if (fkColumns.contains(c.name())) role = "reference";
        else if (pk.contains(c.name())) role = "key";
        else if (unsupported(c.type())) role = "unsupported";
        else if (isSystemTime(c, semantic)) role = "timestamp";
        else if (semantic != Semantic.GENERIC) role = "realistic";
        else role = "value";
        boolean meaningful = role.equals("realistic") || role.equals("timestamp");
        return new ColumnInfo(c.name(), c.type().sqlName(), c.nullable(), role,
                meaningful ? semantic.name().toLowerCase(Locale.ROOT) : null, c.defaultExpression());
    }

    /** Created/updated/deleted times, and any time column the database stamps with the current time by default. */
    private static boolean isSystemTime(Column c, Semantic semantic) {
        if (semantic == Semantic.CREATED_AT || semantic == Semantic.UPDATED_AT || semantic == Semantic.DELETED_AT) return true;
        String defaultExpression = c.defaultExpression() == null ? "" : c.defaultExpression().toLowerCase(Locale.ROOT);
        return c.type().kind().isTemporal() && (defaultExpression.contains("now()") || defaultExpression.contains("current_timestamp")
                || defaultExpression.contains("current_date") || defaultExpression.contains("localtimestamp"));
    }

    private static boolean unsupported(ColumnType type) {
        ColumnType base = type.kind() == TypeKind.ARRAY && type.element() != null ? type.element() : type;
        return base.kind() == TypeKind.OTHER;
    }

    private static Relationship relationship(Table t, ForeignKey fk) {
        boolean oneToOne = t.uniqueKeys().stream().anyMatch(k -> k.isPlain() && fk.columns().containsAll(k.columns()));
        boolean optional = fk.columns().stream().anyMatch(name -> t.column(name).nullable());
        return new Relationship(t.name().toString(), fk.columns(), fk.referencedTable().toString(),
                oneToOne ? "one-to-one" : "many-to-one", optional, fk.name());
    }

    /** A junction table: exactly two foreign keys whose columns together form its primary key or a unique key. */
    private static boolean isJunction(Table t) {
        if (t.foreignKeys().size() != 2) return false;
        Set<String> both = new HashSet<>(t.foreignKeys().get(0).columns());
        both.addAll(t.foreignKeys().get(1).columns());
        return t.uniqueKeys().stream().anyMatch(k -> k.isPlain() && new HashSet<>(k.columns()).equals(both));
    }

    private static List<Cycle> cycles(SchemaModel schema, GenerationPlan plan) {
        List<Cycle> cycles = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                DeferredForeignKey key = new DeferredForeignKey(t.name(), fk.name());
                if (plan.deferred().contains(key)) {
                    cycles.add(new Cycle(t.name().toString(), fk.name(), fk.referencedTable().toString(), "insert-null-then-update"));
                } else if (plan.suspended().contains(key)) {
                    cycles.add(new Cycle(t.name().toString(), fk.name(), fk.referencedTable().toString(), "drop-and-readd"));
                }
            }
        }
        return cycles;
    }

    private static void enumOf(ColumnType type, Map<String, List<String>> enums) {
        if (type.kind() == TypeKind.ENUM) enums.put(type.sqlName(), type.enumLabels());
        if (type.element() != null) enumOf(type.element(), enums);
    }
}
