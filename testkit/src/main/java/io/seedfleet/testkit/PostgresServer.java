package io.seedfleet.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (zonky embedded binaries) on a free port, with a fresh data directory that
 * {@link #close()} deletes; the binaries are unpacked once per JVM ({@link PostgresBinaries}). Works as
 * root: zonky then runs it in a user namespace (unshare), since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements RunningPostgres {

    private final int port;
    private final StopOnce stop;

    private PostgresServer(EmbeddedPostgres postgres, Path dir) {
        this.port = postgres.getPort();
        this.stop = new StopOnce("seedfleet-postgres-stop", () -> {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                TempDirs.deleteRecursively(dir);
            }
        });
        PostgresBinaries.register(stop);
    }

    public static PostgresServer start() {
        QuietLogging.apply();
        Path dir = TempDirs.create("seedfleet-postgres-data-");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(PostgresBinaries.directory().toFile())
                    .setPgBinaryResolver(PostgresBinaries.RESOLVER)
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    // A throwaway database: durability buys nothing and costs time on every commit.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new PostgresServer(postgres, dir);
        } catch (IOException e) {
            TempDirs.deleteRecursively(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(dir);
            throw e;
        }
    }

    @Override
    public int port() {
        return port;
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        stop.run();
    }
}
