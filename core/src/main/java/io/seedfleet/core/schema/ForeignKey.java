package io.seedfleet.core.schema;

import java.util.List;

/** A foreign key, possibly composite, possibly to a non-primary unique key, possibly deferrable. */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, boolean deferrable, boolean initiallyDeferred,
                         MatchType match) {

    public enum MatchType { SIMPLE, FULL, PARTIAL }

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        match = match == null ? MatchType.SIMPLE : match;
        if (columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                    + " columns but references " + referencedColumns.size());
        }
    }

    public static ForeignKey of(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, false, false, MatchType.SIMPLE);
    }
}
