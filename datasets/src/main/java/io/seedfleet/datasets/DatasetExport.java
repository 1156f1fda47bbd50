package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a dataset to files: {@code <schema>.<table>.<ext>} per table, rows in key order, and
 * {@code manifest.json}. Everything is read in one read-only snapshot and written to a temporary
 * directory that is moved into place at the end, so a directory either holds a whole export or none.
 */
public final class DatasetExport {
    public static final String MANIFEST_FILE = "manifest.json";
    private static final int FETCH_ROWS = 5_000;

    private DatasetExport() {}

    /** {@code manifest} describes the data (a version from the store); null writes a snapshot manifest of what the target holds. */
    public static ExportSummary write(JdbcTarget target, SchemaModel schema, Path dir, Format format, Manifest manifest) throws SQLException {
        Path out = dir.toAbsolutePath().normalize();
        refuseToOverwrite(out);
        Manifest described = manifest != null ? manifest : Manifests.snapshot(target, schema);
        Path temp;
        try {
            Files.createDirectories(out.getParent());
            temp = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out.getParent(), e);
        }
        try {
            Map<String, Long> rows = writeTables(target, schema, temp, format, described);
            Files.writeString(temp.resolve(MANIFEST_FILE), described.toJson(), StandardCharsets.UTF_8);
            moveIntoPlace(temp, out);
            return new ExportSummary(out, format, rows);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write the export to " + out, e);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static Map<String, Long> writeTables(JdbcTarget target, SchemaModel schema, Path dir, Format format, Manifest manifest)
            throws SQLException, IOException {
        Dialect dialect = Dialect.of(target);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = target.open()) {
            dialect.beginReadOnlySnapshot(c);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(FETCH_ROWS);
                for (Table table : LoadOrder.of(schema)) {
                    long written = writeTable(s, dialect, table, dir, format);
                    TableEntry expected = manifest.tables().get(table.name().toString());
                    if (expected != null && expected.rows() != written) {
                        throw new IllegalStateException("the target no longer holds version " + manifest.shortId() + ": " + table.name() + " has "
                                + written + " rows, the manifest " + expected.rows());
                    }
                    rows.put(table.name().toString(), written);
                }
            } finally {
                c.rollback();
            }
        }
        return rows;
    }

    private static long writeTable(Statement s, Dialect dialect, Table table, Path dir, Format format) throws SQLException, IOException {
        List<Column> columns = TableQuery.exported(table);
        Path file = dir.resolve(fileName(table, format));
        Path text = format == Format.PARQUET ? dir.resolve("." + table.name() + ".csv") : file;
        long count = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(text, StandardCharsets.UTF_8), 1 << 16);
             ResultSet rs = s.executeQuery(TableQuery.select(dialect, table))) {
            SqlRows sql = format == Format.SQL ? new SqlRows(w, dialect, table, columns) : null;
            if (format == Format.CSV || format == Format.PARQUET) CsvRows.row(w, columns.stream().map(Column::name).toList());
            List<String> values = new ArrayList<>(columns.size());
            while (rs.next()) {
                values.clear();
                for (int i = 1; i <= columns.size(); i++) values.add(rs.getString(i));
                switch (format) {
                    case CSV, PARQUET -> CsvRows.row(w, values);
                    case JSONL -> JsonLinesRows.row(w, columns, values);
                    case SQL -> sql.row(values);
                }
                count++;
            }
            if (sql != null) sql.finish();
        }
        if (format == Format.PARQUET) {
            ParquetFiles.convert(text, columns, file);
            Files.delete(text);
        }
        return count;
    }

    static String fileName(Table table, Format format) {
        return table.name().schema() + "." + table.name().name() + "." + format.extension();
    }

    private static void refuseToOverwrite(Path out) {
        if (!Files.exists(out)) return;
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) throw new IllegalArgumentException(out + " is not empty; export into a new or empty directory");
        } catch (IOException e) {
            throw new IllegalArgumentException(out + " exists and is not a directory");
        }
    }

    private static void moveIntoPlace(Path temp, Path out) throws IOException {
        Files.deleteIfExists(out); // only ever an empty directory here
        try {
            Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, out);
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden .partial directory is harmless
        }
    }
}
