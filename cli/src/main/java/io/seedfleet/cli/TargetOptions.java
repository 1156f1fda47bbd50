package io.seedfleet.cli;

import io.seedfleet.core.sink.JdbcTarget;
import picocli.CommandLine.Option;

/** How to reach a database: a JDBC URL, and credentials here or in the URL or the environment. */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "<jdbc-url>",
            description = "The database to write into or check, e.g. jdbc:postgresql://localhost:5432/app")
    String url;

    @Option(names = "--user", paramLabel = "<name>", description = "Database user (default: from the URL, or the PGUSER environment variable)")
    String user;

    @Option(names = "--password", paramLabel = "<secret>", description = "Database password (better: the PGPASSWORD environment variable)", interactive = false)
    String password;

    JdbcTarget target() {
        if (url == null) throw new IllegalArgumentException("--target <jdbc-url> is required");
        return target(url);
    }

    JdbcTarget target(String jdbcUrl) {
        String u = user != null ? user : System.getenv("PGUSER");
        String p = password != null ? password : System.getenv("PGPASSWORD");
        return new JdbcTarget(jdbcUrl, u, p);
    }
}
