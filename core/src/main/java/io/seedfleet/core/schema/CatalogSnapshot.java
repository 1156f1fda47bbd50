package io.seedfleet.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Work that reads a PostgreSQL database, in a READ ONLY, REPEATABLE READ transaction of its own: its
 * several queries see one snapshot even while the database changes, and it can never write. The
 * transaction is rolled back and autocommit put back as it was; SET TRANSACTION and SET LOCAL last
 * for this transaction only, so the connection's own settings are never changed.
 */
public final class CatalogSnapshot {

    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    private CatalogSnapshot() {}

    /**
     * With only pg_catalog on the search path, format_type, pg_get_expr and pg_get_constraintdef
     * qualify every user type and function, so catalog text (and predicates evaluated later) no
     * longer depends on the caller's search_path.
     *
     * @throws IllegalStateException when the connection is inside a transaction (rolling back at the
     *     end would discard the caller's work)
     */
    public static <T> T read(Connection connection, String purpose, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit && connection.isWrapperFor(BaseConnection.class)
                && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
            throw new IllegalStateException(purpose + " needs its own transaction: commit or roll back the open one first");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            statement.execute("SET LOCAL search_path = pg_catalog");
            return work.run();
        } finally {
            try {
                connection.rollback();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
