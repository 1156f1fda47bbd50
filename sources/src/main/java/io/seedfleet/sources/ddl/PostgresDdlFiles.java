package io.seedfleet.sources.ddl;

import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.testkit.PostgresServer;
import io.seedfleet.testkit.RunningPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL DDL files (one schema, or a migration history applied in order) into the model. The
 * files are run in a private scratch PostgreSQL and the result introspected, so a file yields exactly
 * the model live introspection of the same DDL yields: PostgreSQL itself resolves defaults, domains,
 * inherited constraints and every later ALTER, which no SQL parser would match.
 */
public final class PostgresDdlFiles {
    private static final Pattern MISSING_ROLE = Pattern.compile("role \"(.+)\" does not exist");

    private PostgresDdlFiles() {}

    /** Reads the files in a scratch PostgreSQL started for the purpose and removed afterwards. */
    public static SchemaModel read(List<Path> files) {
        requireReadable(files);
        try (PostgresServer scratch = PostgresServer.start()) {
            return read(files, scratch);
        }
    }

    /** Reads the files in a fresh database of a running server. */
    public static SchemaModel read(List<Path> files, RunningPostgres scratch) {
        requireReadable(files);
        String database = "ddl_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(scratch.createDatabase(database), scratch.user(), scratch.password())) {
            apply(c, files, true);
            return PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        } catch (SQLException e) {
            throw new IllegalStateException("the scratch PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the files' statements in order on {@code c} (autocommit), stopping at the first one the
     * server refuses with a {@link SourceException} naming the file, the line and the statement.
     */
    public static void apply(Connection c, List<Path> files) throws SQLException {
        apply(c, files, false);
    }

    /**
     * {@code createMissingRoles}: in a scratch database, a role the DDL names but the server lacks
     * ({@code OWNER TO app}, {@code GRANT ... TO reporting}, as pg_dump writes them) is created and
     * the statement run again; roles say nothing about the data, so they must not stop a read.
     */
    private static void apply(Connection c, List<Path> files, boolean createMissingRoles) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Path file : files) {
                for (SqlScript.Statement statement : SqlScript.split(file.toString(), read(file))) {
                    for (int attempt = 0; ; attempt++) {
                        try {
                            s.execute(statement.sql());
                            break;
                        } catch (SQLException e) {
                            Matcher missingRole = MISSING_ROLE.matcher(serverMessage(e));
                            if (createMissingRoles && attempt < 8 && "42704".equals(e.getSQLState()) && missingRole.matches()) {
                                s.execute("CREATE ROLE " + Identifiers.quote(missingRole.group(1)));
                                continue;
                            }
                            throw new SourceException(file.toString(), lineOfError(statement, e), statement.head(), serverMessage(e), e);
                        }
                    }
                }
            }
        }
    }

    /** The line the server points at (its error position is a character offset in the statement), else the statement's first. */
    private static int lineOfError(SqlScript.Statement statement, SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getPosition() > 0) {
            int position = Math.min(p.getServerErrorMessage().getPosition() - 1, statement.sql().length());
            return statement.line() + (int) statement.sql().substring(0, position).chars().filter(ch -> ch == '\n').count()
                    - leadingNewlines(statement.sql());
        }
        return statement.line();
    }

    private static int leadingNewlines(String sql) {
        int lines = 0;
        for (int i = 0; i < sql.length() && Character.isWhitespace(sql.charAt(i)); i++) if (sql.charAt(i) == '\n') lines++;
        return lines;
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) return p.getServerErrorMessage().getMessage();
        return e.getMessage();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireReadable(List<Path> files) {
        if (files.isEmpty()) throw new IllegalArgumentException("no DDL files given");
        for (Path file : files) {
            if (!Files.isRegularFile(file)) throw new SourceException(file.toString(), 0, null, "no such file");
        }
    }
}
