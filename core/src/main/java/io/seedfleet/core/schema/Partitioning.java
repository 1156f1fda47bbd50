package io.seedfleet.core.schema;

import java.util.List;

/**
 * How a partitioned table splits its rows: the strategy (RANGE, LIST or HASH), the key columns
 * (empty when the key is an expression), and each leaf partition's bound as PostgreSQL prints it
 * ({@code FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')}, {@code FOR VALUES IN ('a', 'b')},
 * {@code DEFAULT}). A row whose key fits no partition is rejected, so generated keys must fit one.
 */
public record Partitioning(String strategy, List<String> columns, List<String> bounds) {
    public Partitioning {
        columns = List.copyOf(columns);
        bounds = List.copyOf(bounds);
    }

    public boolean hasDefault() {
        return bounds.stream().anyMatch(b -> b.trim().equalsIgnoreCase("DEFAULT"));
    }
}
