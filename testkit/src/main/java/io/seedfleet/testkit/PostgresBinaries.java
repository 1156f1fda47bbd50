package io.seedfleet.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL binaries, unpacked once per JVM (about 2 s of CPU each time) into a directory of this
 * JVM's own, and deleted at JVM exit once every server that runs from them has stopped.
 */
final class PostgresBinaries {

    /**
     * zonky caches the unpacked binaries per resolver instance for the JVM's lifetime; with a resolver of
     * our own, that cache points into our directory and never into a shared one.
     */
    static final PgBinaryResolver RESOLVER = DefaultPostgresBinaryResolver.INSTANCE::getPgBinary;

    private static final List<StopOnce> SERVERS = new ArrayList<>();
    private static Path directory;

    private PostgresBinaries() {
    }

    static synchronized Path directory() {
        if (directory == null) {
            directory = TempDirs.create("seedfleet-postgres-binaries-");
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresBinaries::stopServersAndDelete,
                    "seedfleet-postgres-binaries-delete"));
        }
        return directory;
    }

    /** The server's stop must run before the binaries go; at exit, shutdown hooks run in no set order. */
    static synchronized void register(StopOnce serverStop) {
        SERVERS.add(serverStop);
    }

    private static void stopServersAndDelete() {
        List<StopOnce> servers;
        synchronized (PostgresBinaries.class) {
            servers = List.copyOf(SERVERS);
        }
        servers.forEach(StopOnce::run);
        TempDirs.deleteRecursively(directory);
    }
}
