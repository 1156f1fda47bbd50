package io.seedfleet.core.schema;

import java.util.List;

/** A CHECK constraint: its SQL expression (without the CHECK keyword) and the columns it mentions. */
public record CheckConstraint(String name, String expression, List<String> columns) {
    public CheckConstraint {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
