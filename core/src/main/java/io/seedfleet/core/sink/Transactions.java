package io.seedfleet.core.sink;

import java.sql.Connection;
import java.sql.SQLException;

/** One unit of work in one transaction, for both sinks: committed when it returns, rolled back when it throws. */
final class Transactions {
    private Transactions() {}

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs work in one transaction, the connection's autocommit setting put back afterwards. */
    static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
