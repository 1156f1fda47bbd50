package io.seedfleet.cli;

import io.seedfleet.core.sink.JdbcTarget;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to reach the database a command works on: a JDBC URL and its credentials. */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "<jdbc-url>",
            description = "The database to write into or check, e.g. jdbc:postgresql://localhost:5432/app")
    String url;

    @Mixin
    Credentials credentials;

    JdbcTarget target() {
        if (url == null) throw new IllegalArgumentException("--target <jdbc-url> is required");
        return target(url);
    }

    /** Another database (a --source) reached with the same credentials. */
    JdbcTarget target(String jdbcUrl) {
        return credentials.jdbc(jdbcUrl);
    }
}
