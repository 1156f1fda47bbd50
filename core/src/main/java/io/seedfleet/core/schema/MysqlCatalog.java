package io.seedfleet.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The information_schema queries {@link MysqlIntrospector} runs, each for every table of the
 * databases read at once, returning plain rows. Works on MariaDB 10.2+ and MySQL 8.0.16+ (the
 * versions that keep CHECK constraints); MariaDB names a CHECK per table, MySQL per database, so
 * CHECKs are matched to their tables through TABLE_CONSTRAINTS.
 */
final class MysqlCatalog {
    record TableRow(String schema, String name, boolean view, String comment) {}

    record ColumnRow(String schema, String table, String name, int position, String defaultValue, boolean nullable,
                     String dataType, String columnType, Long charLength, Integer precision, Integer scale,
                     Integer datetimePrecision, String extra, String comment, String generationExpression,
                     Integer maxBytesPerChar) {}

    /** One column of a unique index; {@code subPart} is the prefix length of a prefix index, else null. */
    record IndexColumnRow(String schema, String table, String index, int position, String column, Integer subPart) {}

    record ForeignKeyColumnRow(String schema, String table, String name, int position, String column,
                               String referencedSchema, String referencedTable, String referencedColumn) {}

    record CheckRow(String schema, String table, String name, String clause) {}

    record TriggerRow(String schema, String table, String name, String timing, String event) {}

    private final Connection connection;
    private final String in;
    private final List<String> schemas;

    MysqlCatalog(Connection connection, List<String> schemas) {
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
        this.in = "(" + String.join(", ", schemas.stream().map(s -> "?").toList()) + ")";
    }

    List<TableRow> tables() throws SQLException {
        return query("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA IN " + in + " AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')",
                rs -> new TableRow(rs.getString(1), rs.getString(2), rs.getString(3).equals("VIEW"), emptyToNull(rs.getString(4))));
    }

    List<ColumnRow> columns() throws SQLException {
        return query("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_DEFAULT, c.IS_NULLABLE,"
                        + " c.DATA_TYPE, c.COLUMN_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, c.NUMERIC_SCALE,"
                        + " c.DATETIME_PRECISION, c.EXTRA, c.COLUMN_COMMENT, c.GENERATION_EXPRESSION, cs.MAXLEN"
                        + " FROM information_schema.COLUMNS c"
                        + " LEFT JOIN information_schema.CHARACTER_SETS cs ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME"
                        + " WHERE c.TABLE_SCHEMA IN " + in,
                rs -> new ColumnRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6).equals("YES"), rs.getString(7).toLowerCase(java.util.Locale.ROOT),
                        rs.getString(8).toLowerCase(java.util.Locale.ROOT), rs.getObject(9, Long.class),
                        rs.getObject(10, Integer.class), rs.getObject(11, Integer.class), rs.getObject(12, Integer.class),
                        rs.getString(13), emptyToNull(rs.getString(14)), emptyToNull(rs.getString(15)),
                        rs.getObject(16, Integer.class)));
    }

    List<IndexColumnRow> uniqueIndexColumns() throws SQLException {
        return query("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART"
                        + " FROM information_schema.STATISTICS WHERE NON_UNIQUE = 0 AND TABLE_SCHEMA IN " + in,
                rs -> new IndexColumnRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getObject(6, Integer.class)));
    }

    List<ForeignKeyColumnRow> foreignKeyColumns() throws SQLException {
        return query("SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME,"
                        + " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME"
                        + " FROM information_schema.KEY_COLUMN_USAGE k"
                        + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                        + " AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                        + " WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND k.TABLE_SCHEMA IN " + in,
                rs -> new ForeignKeyColumnRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    List<CheckRow> checks(boolean mariaDb) throws SQLException {
        // MariaDB's CHECK_CONSTRAINTS has TABLE_NAME (names are per table); MySQL's does not (names are per database).
        String tableMatch = mariaDb ? " AND cc.TABLE_NAME = tc.TABLE_NAME" : "";
        return query("SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
                        + " FROM information_schema.TABLE_CONSTRAINTS tc"
                        + " JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                        + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME" + tableMatch
                        + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA IN " + in,
                rs -> new CheckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    List<TriggerRow> triggers() throws SQLException {
        return query("SELECT EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION"
                        + " FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA IN " + in,
                rs -> new TriggerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < schemas.size(); i++) ps.setString(i + 1, schemas.get(i));
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
