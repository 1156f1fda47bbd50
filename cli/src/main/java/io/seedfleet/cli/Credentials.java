package io.seedfleet.cli;

import io.seedfleet.core.sink.JdbcTarget;
import picocli.CommandLine.Option;

/** Database credentials: from the options, else PGUSER / PGPASSWORD, else the URL. Never printed. */
final class Credentials {
    @Option(names = "--user", paramLabel = "<name>", description = "Database user (default: from the URL, or the PGUSER environment variable)")
    String user;

    @Option(names = "--password", paramLabel = "<secret>", description = "Database password (better: the PGPASSWORD environment variable)", interactive = false)
    String password;

    JdbcTarget jdbc(String url) {
        return new JdbcTarget(url, user != null ? user : System.getenv("PGUSER"), password != null ? password : System.getenv("PGPASSWORD"));
    }
}
