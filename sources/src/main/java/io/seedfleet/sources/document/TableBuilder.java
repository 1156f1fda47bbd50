package io.seedfleet.sources.document;

import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One projected table as it is being built. Every table has a hidden {@value #ROW} key (the engine
 * numbers it); an array's table also has {@value #PARENT}, a foreign key to its parent's row, and
 * {@value #ORDINAL}, the element's place, so the relational form of the documents is complete.
 */
final class TableBuilder {
    static final String ROW = "__row";
    static final String PARENT = "__parent";
    static final String ORDINAL = "__ordinal";

    private final QualifiedName name;
    /** What a scalar element's column is called (the array property's name); "value" at a root. */
    private final String valueName;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<UniqueKey> uniqueKeys = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    TableBuilder(QualifiedName name, QualifiedName parent, String valueName) {
        this.name = name;
        this.valueName = valueName;
        columns.put(ROW, Column.of(ROW, ColumnType.of(TypeKind.BIGINT, "bigint"), false));
        uniqueKeys.add(UniqueKey.primaryKey(name.name() + "_pkey", List.of(ROW)));
        if (parent != null) {
            columns.put(PARENT, Column.of(PARENT, ColumnType.of(TypeKind.BIGINT, "bigint"), false));
            columns.put(ORDINAL, Column.of(ORDINAL, ColumnType.of(TypeKind.INTEGER, "integer"), false));
            foreignKeys.add(ForeignKey.of(name.name() + "_parent_fkey", List.of(PARENT), parent, List.of(ROW)));
            check(ORDINAL, quote(ORDINAL) + " >= 0");
        }
    }

    QualifiedName name() {
        return name;
    }

    String valueName() {
        return valueName;
    }

    /** Adds a column; false when the name is taken (two properties that flatten to the same name). */
    boolean add(Column column) {
        return columns.putIfAbsent(column.name(), column) == null;
    }

    void check(String column, String expression) {
        checks.add(new CheckConstraint(name.name() + "_" + column + "_check" + (checks.size() + 1), expression, List.of(column)));
    }

    void unique(String column) {
        uniqueKeys.add(UniqueKey.unique(name.name() + "_" + column + "_key", List.of(column)));
    }

    Table build() {
        return new Table(name, List.copyOf(columns.values()), uniqueKeys, foreignKeys, checks, null);
    }

    static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
