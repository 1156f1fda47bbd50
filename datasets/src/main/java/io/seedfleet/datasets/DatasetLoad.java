package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Loads an export (CSV, JSON Lines or SQL; MySQL/MariaDB: SQL) into an empty database that has the schema, in one
 * transaction: foreign keys are set aside while tables load in FK order and added back (so validated)
 * after, identity sequences move past the loaded keys, and row counts must equal the manifest's.
 * Anything wrong rolls it all back.
 */
public final class DatasetLoad {
    private static final int JSON_ROWS_PER_BATCH = 1_000;

    private DatasetLoad() {}

    /** Returns the rows loaded per table, in load order. */
    public static Map<String, Long> load(Path dir, JdbcTarget target) throws SQLException {
        Manifest manifest = readManifest(dir);
        Dialect dialect = Dialect.of(target);
        Format format = detectFormat(dir, manifest);
        if (dialect == Dialect.MYSQL && format != Format.SQL) {
            throw new IllegalArgumentException("load into MySQL/MariaDB reads sql exports; export with --format sql");
        }
        SchemaModel schema;
        // Its own connection: MySQL introspection leaves a READ ONLY characteristic pending for the next transaction.
        try (Connection c = target.open()) {
            schema = Introspection.read(c, IntrospectionOptions.all());
        }
        List<Table> tables = tablesOf(schema, manifest);
        try (Connection c = target.open()) {
            c.setAutoCommit(false);
            try {
                List<String> restore = dialect == Dialect.POSTGRES ? List.of() : suspendForeignKeyChecks(c); // also sets ANSI quotes
                refuseNonEmpty(c, tables);
                if (dialect == Dialect.POSTGRES) restore = dropForeignKeys(c, tables);
                Map<String, Long> loaded = new LinkedHashMap<>();
                for (Table table : tables) {
                    Path file = dir.resolve(DatasetExport.fileName(table, format));
                    switch (format) {
                        case CSV -> copyCsv(c, table, file);
                        case JSONL -> insertJsonLines(c, table, file);
                        case SQL -> runScript(c, file);
                        case PARQUET -> copyParquet(c, table, file);
                    }
                    loaded.put(table.name().toString(), count(c, table));
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : restore) s.execute(sql);
                }
                // MySQL moves AUTO_INCREMENT past explicit keys by itself.
                if (dialect == Dialect.POSTGRES) advanceSequences(c, tables);
                checkCounts(manifest, loaded);
                c.commit();
                return loaded;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * MySQL checks no foreign key while FOREIGN_KEY_CHECKS is 0 (and does not re-check the rows when it is
     * set back): the export came from a database that had them satisfied, and the row counts are checked.
     */
    private static List<String> suspendForeignKeyChecks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,NO_BACKSLASH_ESCAPES')");
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
        }
        return List.of("SET FOREIGN_KEY_CHECKS = 1");
    }

    static Manifest readManifest(Path dir) {
        Path file = dir.resolve(DatasetExport.MANIFEST_FILE);
        if (!Files.isRegularFile(file)) throw new SourceException(dir.toString(), 0, "export", "no " + DatasetExport.MANIFEST_FILE + ": not a Seedfleet export");
        try {
            return Manifest.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Format detectFormat(Path dir, Manifest manifest) {
        String table = manifest.tables().keySet().stream().findFirst()
                .orElseThrow(() -> new SourceException(dir.toString(), 0, "export", "the manifest lists no tables"));
        for (Format f : Format.values()) {
            if (Files.isRegularFile(dir.resolve(table + "." + f.extension()))) {
                return f;
            }
        }
        throw new SourceException(dir.toString(), 0, "export", "no file for table " + table + " (" + table + ".csv, .jsonl, .parquet or .sql)");
    }

    private static List<Table> tablesOf(SchemaModel schema, Manifest manifest) {
        List<Table> ordered = LoadOrder.of(schema).stream().filter(t -> manifest.tables().containsKey(t.name().toString())).toList();
        List<String> missing = manifest.tables().keySet().stream()
                .filter(name -> ordered.stream().noneMatch(t -> t.name().toString().equals(name))).toList();
        if (!missing.isEmpty()) throw new IllegalArgumentException("the target lacks tables of the export: " + String.join(", ", missing) + "; create the schema first");
        return ordered;
    }

    private static void refuseNonEmpty(Connection c, List<Table> tables) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (Table t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + t.name().sql() + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) nonEmpty.add(t.name().toString());
                }
            }
        }
        if (!nonEmpty.isEmpty()) throw new IllegalArgumentException("load only fills empty tables; these hold rows: " + String.join(", ", nonEmpty));
    }

    /** Drops every foreign key from or to the tables and returns the statements that add them back. */
    private static List<String> dropForeignKeys(Connection c, List<Table> tables) throws SQLException {
        String names = tables.stream().map(t -> Identifiers.literal(t.name().sql()) + "::regclass").collect(Collectors.joining(", "));
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
                     + " AND (conrelid = ANY (ARRAY[" + names + "]) OR confrelid = ANY (ARRAY[" + names + "])) ORDER BY 1, 2")) {
            while (rs.next()) {
                drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + Identifiers.quote(rs.getString(2)));
                restore.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + Identifiers.quote(rs.getString(2)) + " " + rs.getString(3));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : drop) s.execute(sql);
        }
        return restore;
    }

    private static String columnList(Table table) {
        return Identifiers.quoteAll(TableQuery.exported(table).stream().map(Column::name).toList());
    }

    private static void copyCsv(Connection c, Table table, Path file) throws SQLException {
        String copy = "COPY " + table.name().sql() + " (" + columnList(table) + ") FROM STDIN WITH (FORMAT csv, HEADER true)";
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** DuckDB turns the Parquet file back into CSV (NULL unquoted, empty strings quoted), which COPY then reads like a CSV export. */
    private static void copyParquet(Connection c, Table table, Path file) throws SQLException {
        Path csv;
        try {
            csv = Files.createTempFile("seedfleet-parquet-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file", e);
        }
        try {
            ParquetFiles.toCsv(file, csv);
            copyCsv(c, table, csv);
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** Batches of lines through json_populate_record: PostgreSQL itself turns each JSON value into the column's type. */
    private static void insertJsonLines(Connection c, Table table, Path file) throws SQLException {
        boolean always = table.columns().stream().anyMatch(col -> col.identity() == Column.Identity.ALWAYS);
        String columns = columnList(table);
        // JSON columns are taken from the line as they are (json_populate_record would turn a JSON null into NULL).
        String values = TableQuery.exported(table).stream().map(col -> switch (col.type().kind()) {
            case JSON -> "r -> " + Identifiers.literal(col.name());
            case JSONB -> "(r -> " + Identifiers.literal(col.name()) + ")::jsonb";
            default -> "p." + Identifiers.quote(col.name());
        }).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table.name().sql() + " (" + columns + ")" + (always ? " OVERRIDING SYSTEM VALUE" : "")
                + " SELECT " + values + " FROM json_array_elements(?::json) AS r, LATERAL json_populate_record(NULL::" + table.name().sql() + ", r) AS p";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); PreparedStatement ps = c.prepareStatement(sql)) {
            List<String> batch = new ArrayList<>();
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) continue;
                if (!line.startsWith("{")) throw new SourceException(file.toString(), lineNumber, "JSON line", "expected an object per line");
                batch.add(line);
                if (batch.size() == JSON_ROWS_PER_BATCH) insertBatch(ps, batch);
            }
            insertBatch(ps, batch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void insertBatch(PreparedStatement ps, List<String> batch) throws SQLException {
        if (batch.isEmpty()) return;
        ps.setString(1, "[" + String.join(",", batch) + "]");
        ps.executeUpdate();
        batch.clear();
    }

    private static void runScript(Connection c, Path file) throws SQLException {
        String script;
        try {
            script = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : SqlScript.statements(script)) s.execute(statement);
        }
    }

    private static long count(Connection c, Table table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table.name().sql())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Identity and serial sequences continue after the loaded keys, as after a generate run. */
    private static void advanceSequences(Connection c, List<Table> tables) throws SQLException {
        for (Table t : tables) {
            for (Column col : t.columns()) {
                if (col.sequence() == null || !col.type().kind().isInteger()) continue;
                String max = "(SELECT max(" + Identifiers.quote(col.name()) + ") FROM " + t.name().sql() + ")";
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, COALESCE(" + max + ", 1), " + max + " IS NOT NULL)")) {
                    ps.setString(1, col.sequence().sql());
                    ps.executeQuery().close();
                }
            }
        }
    }

    private static void checkCounts(Manifest manifest, Map<String, Long> loaded) {
        List<String> wrong = new ArrayList<>();
        manifest.tables().forEach((table, entry) -> {
            long rows = loaded.getOrDefault(table, 0L);
            if (rows != entry.rows()) wrong.add(table + " " + rows + " (manifest " + entry.rows() + ")");
        });
        if (!wrong.isEmpty()) throw new IllegalStateException("the loaded rows differ from the manifest, nothing was kept: " + String.join(", ", wrong));
    }
}
