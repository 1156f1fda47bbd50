package io.seedfleet.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (zonky embedded binaries) on a free port, with its own binaries and data
 * directories under one fresh temp directory that {@link #close()} deletes. Works as root: zonky then runs
 * it in a user namespace (unshare), since PostgreSQL refuses to run as root.
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
    }

    public static PostgresServer start() {
        QuietLogging.apply();
        Path dir = TempDirs.create("seedfleet-postgres-");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                    // zonky caches the unpacked binaries per resolver instance for the whole JVM; a resolver
                    // of our own keeps this server's binaries in its own directory, so that closing one
                    // server can never delete the binaries another one still needs.
                    .setPgBinaryResolver(DefaultPostgresBinaryResolver.INSTANCE::getPgBinary)
                    .setDataDirectory(dir.resolve("data"))
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

    /** Stops the server and deletes its directories. */
    @Override
    public void close() {
        stop.run();
    }
}
