package io.seedfleet.core.schema;

import java.util.List;

/**
 * What {@link PostgresIntrospector} reads. {@code schemas} lists the schemas to include; empty means
 * every non-system schema. System schemas and Seedfleet's own bookkeeping schemas are never read,
 * even when listed: they are not test data.
 */
public record IntrospectionOptions(List<String> schemas) {

    /** Schemas that are never introspected, whatever {@link #schemas} says. */
    public static final List<String> ALWAYS_EXCLUDED =
            List.of("pg_catalog", "information_schema", "seedfleet_ledger", "seedfleet");

    /** Schema name prefixes that are never introspected (TOAST storage and other sessions' temp tables). */
    public static final List<String> ALWAYS_EXCLUDED_PREFIXES = List.of("pg_toast", "pg_temp");

    public IntrospectionOptions {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }

    /** Every non-system schema. */
    public static IntrospectionOptions all() {
        return new IntrospectionOptions(List.of());
    }

    /** Only the given schemas (names as stored, unquoted and case-sensitive). */
    public static IntrospectionOptions only(String... schemas) {
        return new IntrospectionOptions(List.of(schemas));
    }
}
