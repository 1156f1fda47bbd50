package io.seedfleet.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the engine knows about a database: its tables, sorted by name for a stable order. */
public record SchemaModel(List<Table> tables) {

    public SchemaModel {
        tables = tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<Table> find(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Table table(QualifiedName name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    public Map<QualifiedName, Table> byName() {
        return tables.stream().collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /**
     * Resolves a user-supplied table name: {@code schema.table} exactly, or a bare {@code table}
     * when exactly one schema has it.
     */
    public Optional<Table> resolve(String userName) {
        if (userName.contains(".")) return find(QualifiedName.parse(userName));
        List<Table> matches = tables.stream().filter(t -> t.name().name().equals(userName)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
