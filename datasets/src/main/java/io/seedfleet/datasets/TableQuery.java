package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.util.List;
import java.util.stream.Collectors;

/** The SELECT that reads a table for export: written columns as text, in key order so files are stable. */
final class TableQuery {
    private TableQuery() {}

    /** Generated columns are left out: the database computes them again on load. */
    static List<Column> exported(Table table) {
        return table.columns().stream().filter(Column::writable).toList();
    }

    static String select(Dialect dialect, Table table) {
        String columns = exported(table).stream().map(dialect::asText).collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM " + table.name().sql() + " ORDER BY " + orderBy(dialect, table);
    }

    /** The primary key, else the first unique key, else every column (as text, which every type has). */
    static String orderBy(Dialect dialect, Table table) {
        List<String> key = table.primaryKey().or(() -> table.uniqueKeys().stream().filter(UniqueKey::isPlain).findFirst())
                .map(UniqueKey::columns).orElse(List.of());
        if (!key.isEmpty()) return Identifiers.quoteAll(key);
        return table.columns().stream().map(dialect::ordered).collect(Collectors.joining(", "));
    }
}
