package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.sink.JdbcTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/** The few places PostgreSQL and MySQL/MariaDB differ for reading a dataset. */
enum Dialect {
    POSTGRES, MYSQL;

    /** Kinds whose own order is the meaningful one for min and max; the rest compare as text (uuid too: no min(uuid) before PostgreSQL 18). */
    private static final Set<TypeKind> NATIVE_ORDER = EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.NUMERIC,
            TypeKind.REAL, TypeKind.DOUBLE, TypeKind.DATE, TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ);

    static Dialect of(JdbcTarget target) {
        if (target.isPostgres()) return POSTGRES;
        if (target.isMysql()) return MYSQL;
        throw new IllegalArgumentException("datasets work on PostgreSQL, MySQL or MariaDB, not " + target);
    }

    /**
     * A consistent, read-only view of the database for the connection's transaction: every table read
     * afterwards belongs to the same snapshot, and nothing can be written by mistake.
     */
    void beginReadOnlySnapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        if (this == MYSQL) {
            try (Statement s = c.createStatement()) {
                // Identifiers.quote writes double quotes; this connection is ours and closed afterwards.
                s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
            }
        }
    }

    /** The column as text, exactly as the database prints it (never the driver's re-rendering of a binary value). */
    String asText(Column column) {
        String q = Identifiers.quote(column.name());
        return this == POSTGRES ? q + "::text" : "CAST(" + q + " AS CHAR)";
    }

    /** The expression whose min and max describe the column. */
    String ordered(Column column) {
        if (NATIVE_ORDER.contains(column.type().kind())) return Identifiers.quote(column.name());
        return this == POSTGRES ? Identifiers.quote(column.name()) + "::text COLLATE \"C\"" : "CAST(" + Identifiers.quote(column.name()) + " AS BINARY)";
    }

    String minMaxText(String aggregate) {
        return this == POSTGRES ? aggregate + "::text" : "CAST(" + aggregate + " AS CHAR)";
    }
}
