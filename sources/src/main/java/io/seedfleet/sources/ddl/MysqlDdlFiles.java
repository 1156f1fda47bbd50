package io.seedfleet.sources.ddl;

import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.MysqlIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL/MariaDB DDL files (one schema, or a migration history applied in order) into the model. The
 * files are run on a scratch server in databases created for the purpose and dropped afterwards,
 * then introspected with {@link MysqlIntrospector}, so a file yields exactly the model live
 * introspection of the same DDL yields: the server itself resolves types, defaults and every later
 * ALTER.
 *
 * <p>Each database the files create or use ({@code CREATE DATABASE sakila}, {@code USE sakila},
 * {@code sakila.film}) is renamed to a scratch database of its own, so loading never touches a
 * real database of that name, and named back in the model: the model says {@code sakila}, as live
 * introspection of {@code sakila} would. Statements before any {@code USE} go to a scratch
 * database the model names after the scratch URL's database, else after the first file.
 */
public final class MysqlDdlFiles {
    private static final Pattern DATABASE_STATEMENT = Pattern.compile(
            "(?is)((?:CREATE|DROP|ALTER)\\s+(?:DATABASE|SCHEMA)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?)(`(?:[^`]|``)+`|[\\w$]+)(.*)");
    private static final Pattern USE_STATEMENT = Pattern.compile("(?is)(USE\\s+)(`(?:[^`]|``)+`|[\\w$]+)\\s*");
    /** Words that follow ALTER DATABASE when it names no database (it then alters the current one). */
    private static final List<String> DATABASE_OPTIONS = List.of("character", "charset", "collate", "default", "comment", "read", "upgrade");
    private static final Pattern ERROR_LINE = Pattern.compile("at line (\\d+)");

    private MysqlDdlFiles() {}

    /** The scratch server: env SEEDFLEET_MYSQL_SCRATCH_URL, else root with no password on 127.0.0.1:3306. */
    public static JdbcTarget defaultScratchServer() {
        String url = System.getenv("SEEDFLEET_MYSQL_SCRATCH_URL");
        return url != null && !url.isBlank() ? JdbcTarget.of(url) : new JdbcTarget("jdbc:mariadb://127.0.0.1:3306/", "root", null);
    }

    /**
     * Applies the files in order on {@code scratchServer} and reads the result.
     *
     * @throws SourceException naming the file, line and statement the server refused, or a file that cannot be read
     * @throws IllegalStateException when the scratch server cannot be used
     */
    public static SchemaModel read(List<Path> files, JdbcTarget scratchServer) {
        if (files.isEmpty()) throw new IllegalArgumentException("no DDL files given");
        List<String> texts = files.stream().map(MysqlDdlFiles::readFile).toList();
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Databases databases = new Databases("seedfleet_ddl_" + token, defaultName(files.get(0), scratchServer));
        try (Connection c = scratchServer.open()) {
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + quote(databases.defaultScratch()));
                    s.execute("USE " + quote(databases.defaultScratch()));
                }
                for (int f = 0; f < files.size(); f++) apply(c, files.get(f).toString(), texts.get(f), databases);
                try (Statement s = c.createStatement()) {
                    s.execute("USE " + quote(databases.defaultScratch()));
                }
                SchemaModel scratch = MysqlIntrospector.introspect(c, new IntrospectionOptions(databases.scratchNames()));
                return MysqlDdlFilesRenaming.rename(scratch, databases.originalNames());
            } finally {
                dropAll(c, databases);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the scratch MySQL server " + scratchServer + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one file's statements in order (autocommit), each database it names mapped to its scratch
     * database; stops at the first statement the server refuses.
     */
    private static void apply(Connection c, String file, String text, Databases databases) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (MysqlDdlFilesScript.Statement statement : MysqlDdlFilesScript.split(file, text)) {
                String sql = rewrite(statement.sql(), databases);
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SourceException(file, lineOfError(statement, e), statement.head(), databases.unscratch(e.getMessage()), e);
                }
            }
        }
    }

    /** CREATE/DROP/ALTER DATABASE and USE name a scratch database; elsewhere {@code db.table} does. */
    static String rewrite(String sql, Databases databases) {
        String body = withoutLeadingComments(sql);
        Matcher m = DATABASE_STATEMENT.matcher(body);
        if (m.matches() && !(body.regionMatches(true, 0, "ALTER", 0, 5) && DATABASE_OPTIONS.contains(unquote(m.group(2)).toLowerCase(java.util.Locale.ROOT)))) {
            return m.group(1) + quote(databases.scratchFor(unquote(m.group(2)))) + m.group(3);
        }
        Matcher use = USE_STATEMENT.matcher(body);
        if (use.matches()) return use.group(1) + quote(databases.scratchFor(unquote(use.group(2))));
        return MysqlDdlFilesRenaming.qualifiedReferences(sql, databases.scratchByOriginal());
    }

    private static int lineOfError(MysqlDdlFilesScript.Statement statement, SQLException e) {
        Matcher m = ERROR_LINE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? statement.line() + Integer.parseInt(m.group(1)) - 1 : statement.line();
    }

    private static String withoutLeadingComments(String sql) {
        String s = sql.strip();
        while (true) {
            if (s.startsWith("/*") && !s.startsWith("/*!") && !s.startsWith("/*M!") && s.contains("*/")) {
                s = s.substring(s.indexOf("*/") + 2).strip();
            } else if (s.startsWith("#") || s.startsWith("-- ") || s.startsWith("--\n") || s.startsWith("--\t")) {
                int end = s.indexOf('\n');
                s = end < 0 ? "" : s.substring(end + 1).strip();
            } else {
                return s;
            }
        }
    }

    private static void dropAll(Connection c, Databases databases) {
        for (String scratch : databases.scratchNames()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + quote(scratch));
            } catch (SQLException ignored) {
                // the scratch database is left behind; its name says what it is
            }
        }
    }

    private static String defaultName(Path firstFile, JdbcTarget server) {
        Matcher m = Pattern.compile("^jdbc:\\w+://[^/]*/([^?;/]+)").matcher(server.url());
        if (m.find()) return m.group(1);
        String name = firstFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("`") ? identifier.substring(1, identifier.length() - 1).replace("``", "`") : identifier;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The databases the files name, each with its scratch database; the first is where statements before any USE go. */
    static final class Databases {
        private final String prefix;
        private final Map<String, String> scratchByOriginal = new LinkedHashMap<>();

        Databases(String prefix, String defaultName) {
            this.prefix = prefix;
            scratchByOriginal.put(defaultName, prefix + "_0");
        }

        String defaultScratch() {
            return scratchByOriginal.values().iterator().next();
        }

        String scratchFor(String original) {
            return scratchByOriginal.computeIfAbsent(original, o -> prefix + "_" + scratchByOriginal.size());
        }

        Map<String, String> scratchByOriginal() {
            return scratchByOriginal;
        }

        List<String> scratchNames() {
            return List.copyOf(scratchByOriginal.values());
        }

        Map<String, String> originalNames() {
            Map<String, String> originals = new LinkedHashMap<>();
            scratchByOriginal.forEach((original, scratch) -> originals.put(scratch, original));
            return originals;
        }

        /** A server message with scratch names replaced by the names the files use. */
        String unscratch(String message) {
            String out = message == null ? "" : message;
            List<Map.Entry<String, String>> entries = new ArrayList<>(scratchByOriginal.entrySet());
            // longest first: prefix_1 is a prefix of prefix_10
            entries.sort(java.util.Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
            for (Map.Entry<String, String> e : entries) out = out.replace(e.getValue(), e.getKey());
            return out;
        }
    }
}
