package io.seedfleet.core.schema;

import java.util.List;

/**
 * A column's type. {@code sqlName} is the database's own spelling (for messages and casts);
 * {@code length} applies to character types, {@code precision}/{@code scale} to numeric ones,
 * {@code enumLabels} to enums (in declared order) and {@code element} to arrays.
 */
public record ColumnType(TypeKind kind, String sqlName, Integer length, Integer precision, Integer scale,
                         List<String> enumLabels, ColumnType element) {

    public ColumnType {
        enumLabels = enumLabels == null ? List.of() : List.copyOf(enumLabels);
    }

    public static ColumnType of(TypeKind kind, String sqlName) {
        return new ColumnType(kind, sqlName, null, null, null, List.of(), null);
    }

    public static ColumnType text(TypeKind kind, String sqlName, Integer length) {
        return new ColumnType(kind, sqlName, length, null, null, List.of(), null);
    }

    public static ColumnType numeric(String sqlName, Integer precision, Integer scale) {
        return new ColumnType(TypeKind.NUMERIC, sqlName, null, precision, scale, List.of(), null);
    }

    public static ColumnType enumOf(String sqlName, List<String> labels) {
        return new ColumnType(TypeKind.ENUM, sqlName, null, null, null, labels, null);
    }

    public static ColumnType arrayOf(ColumnType element) {
        return new ColumnType(TypeKind.ARRAY, element.sqlName() + "[]", null, null, null, List.of(), element);
    }
}
