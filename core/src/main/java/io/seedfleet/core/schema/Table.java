package io.seedfleet.core.schema;

import java.util.List;
import java.util.Optional;

/** A table with its columns (in ordinal order) and constraints; {@code partitioning} is null for ordinary tables. */
public record Table(QualifiedName name, List<Column> columns, List<UniqueKey> uniqueKeys,
                    List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment, Partitioning partitioning) {

    public Table {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    public Table(QualifiedName name, List<Column> columns, List<UniqueKey> uniqueKeys,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment) {
        this(name, columns, uniqueKeys, foreignKeys, checks, comment, null);
    }

    public Optional<UniqueKey> primaryKey() {
        return uniqueKeys.stream().filter(UniqueKey::isPrimaryKey).findFirst();
    }

    public Column column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return c;
        throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }

    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(columnName)) return i;
        throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }
}
