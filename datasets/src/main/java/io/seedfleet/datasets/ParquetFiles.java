package io.seedfleet.datasets;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.Identifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a table's CSV into Parquet with DuckDB, each column read as its own type so Parquet keeps it. */
final class ParquetFiles {
    private ParquetFiles() {}

    static void convert(Path csv, List<Column> columns, Path parquet) throws SQLException {
        String types = columns.stream().map(c -> Identifiers.literal(c.name()) + ": " + Identifiers.literal(duckType(c.type())))
                .collect(Collectors.joining(", "));
        // auto_detect off: the types are the schema's, not guesses; allow_quoted_nulls off keeps "" an empty string.
        String sql = "COPY (SELECT * FROM read_csv(" + Identifiers.literal(csv.toString())
                + ", header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false, allow_quoted_nulls = false, columns = {"
                + types + "})) TO " + Identifiers.literal(parquet.toString()) + " (FORMAT parquet)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Back from Parquet to CSV for COPY: a header, NULL as nothing and empty strings as {@code ""}
     * (so PostgreSQL tells them apart), timestamps with their UTC offset.
     */
    static void toCsv(Path parquet, Path csv) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT * FROM read_parquet(" + Identifiers.literal(parquet.toString()) + ")) TO " + Identifiers.literal(csv.toString())
                    + " (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')");
        }
    }

    /** DuckDB's type for a column; what DuckDB cannot hold exactly (unbounded numerics, JSON, intervals...) stays text. */
    static String duckType(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case NUMERIC -> type.precision() != null && type.precision() > 0 && type.precision() <= 38
                    ? "DECIMAL(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")" : "VARCHAR";
            case REAL -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMPTZ";
            case UUID -> "UUID";
            default -> "VARCHAR";
        };
    }
}
