package io.seedfleet.core.schema;

/**
 * A table column. {@code identity} says whether the database numbers it (identity or serial);
 * {@code sequence} names the sequence behind it (set past the generated maximum after a load);
 * {@code generated} columns are computed by the database and never written.
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultExpression,
                     Identity identity, QualifiedName sequence, boolean generated, String comment) {

    public enum Identity { NONE, ALWAYS, BY_DEFAULT, SERIAL }

    public Column {
        identity = identity == null ? Identity.NONE : identity;
    }

    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE, null, false, null);
    }

    /** Whether a load writes this column: everything except generated columns. */
    public boolean writable() {
        return !generated;
    }
}
