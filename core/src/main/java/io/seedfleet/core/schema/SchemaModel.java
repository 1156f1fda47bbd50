package io.seedfleet.core.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the engine knows about a database, whatever the source: its tables (sorted by name for
 * a stable order), the views it reads but never writes, the triggers a load would fire, and what the
 * source holds that the engine does not model, each by name.
 */
public record SchemaModel(List<Table> tables, List<View> views, List<Trigger> triggers, List<Unsupported> unsupported) {

    /** A view or materialised view: read (listed, its columns known to the database) but never written. */
    public record View(QualifiedName name, boolean materialized) {}

    /** A trigger on a table; {@code enabled} is false when the database has it disabled already. */
    public record Trigger(QualifiedName table, String name, String timing, List<String> events, boolean enabled) {
        public Trigger {
            events = List.copyOf(events);
        }
    }

    /**
     * A construct the source declares and the engine does not honour (an exclusion constraint, an
     * extension type, a rule): {@code object} names where it is, {@code construct} what it is.
     */
    public record Unsupported(String object, String construct, String detail) {}

    public SchemaModel {
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        views = views == null ? List.of() : views.stream().sorted(Comparator.comparing(View::name)).toList();
        triggers = triggers == null ? List.of()
                : triggers.stream().sorted(Comparator.comparing(Trigger::table).thenComparing(Trigger::name)).toList();
        unsupported = unsupported == null ? List.of()
                : unsupported.stream().sorted(Comparator.comparing(Unsupported::object).thenComparing(Unsupported::construct)).toList();
    }

    public SchemaModel(List<Table> tables) {
        this(tables, List.of(), List.of(), List.of());
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
