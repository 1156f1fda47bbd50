package io.seedfleet.core.schema;

import java.util.List;

/**
 * A primary key, unique constraint or unique index over plain columns. {@code predicate} is the
 * WHERE of a partial unique index, {@code expressions} the non-column parts of an expression
 * index (as SQL text); both empty for ordinary keys.
 */
public record UniqueKey(String name, List<String> columns, Kind kind, boolean nullsNotDistinct,
                        String predicate, List<String> expressions) {

    public enum Kind { PRIMARY_KEY, UNIQUE_CONSTRAINT, UNIQUE_INDEX }

    public UniqueKey {
        columns = List.copyOf(columns);
        expressions = expressions == null ? List.of() : List.copyOf(expressions);
    }

    public static UniqueKey primaryKey(String name, List<String> columns) {
        return new UniqueKey(name, columns, Kind.PRIMARY_KEY, false, null, List.of());
    }

    public static UniqueKey unique(String name, List<String> columns) {
        return new UniqueKey(name, columns, Kind.UNIQUE_CONSTRAINT, false, null, List.of());
    }

    public boolean isPrimaryKey() {
        return kind == Kind.PRIMARY_KEY;
    }

    /** Plain keys (no predicate, no expressions) are the ones FKs can reference and the engine keys rows by. */
    public boolean isPlain() {
        return predicate == null && expressions.isEmpty();
    }
}
