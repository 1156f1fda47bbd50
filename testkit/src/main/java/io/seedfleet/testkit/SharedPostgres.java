package io.seedfleet.testkit;

/**
 * One embedded PostgreSQL for every test class of a JVM, started on first use and stopped at JVM
 * exit: test classes create their own databases on it instead of each starting a server.
 */
public final class SharedPostgres {
    private static PostgresServer server;

    private SharedPostgres() {}

    public static synchronized RunningPostgres get() {
        if (server == null) server = PostgresServer.start();
        return server;
    }
}
