package io.seedfleet.core.schema;

import io.seedfleet.core.schema.MysqlCatalog.ColumnRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a MySQL/MariaDB column type into a {@link ColumnType}, plus what the type alone forbids:
 * the engine's types are PostgreSQL's, so a {@code tinyint unsigned} is a SMALLINT that must stay
 * within 0..255, a {@code timestamp} a TIMESTAMP within 1970..2038. Those bounds are carried as a
 * CHECK constraint named {@code mysql_type.<column>} (see {@link #TYPE_CHECK_PREFIX}), a form the
 * engine's CHECK analyzer already turns into a column domain; the database enforces them through
 * the type, so validators may skip them.
 */
final class MysqlTypes {
    /** The name prefix of a CHECK that restates what a MySQL column type allows. */
    static final String TYPE_CHECK_PREFIX = MysqlIntrospector.TYPE_CHECK_PREFIX;

    /** A SET with this many members or fewer is modelled as the enum of all its canonical values (2^n of them). */
    static final int SET_MEMBERS_ENUMERATED = 6;

    private static final Set<String> SPATIAL = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection");
    private static final Set<String> TEXTS = Set.of("tinytext", "text", "mediumtext", "longtext");
    private static final Pattern QUOTED_LABEL = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");

    /** A column's type, the CHECK its type implies (or null), and what is not supported (or null). */
    record Resolved(ColumnType type, CheckConstraint typeCheck, SchemaModel.Unsupported unsupported) {}

    private MysqlTypes() {}

    /** {@code json} is true when the column carries MariaDB's implicit {@code json_valid} CHECK. */
    static Resolved resolve(ColumnRow c, boolean json) {
        String sqlName = c.columnType();
        boolean unsigned = sqlName.contains("unsigned");
        String column = c.name();
        return switch (c.dataType()) {
            case "tinyint" -> sqlName.startsWith("tinyint(1)") && !unsigned
                    ? plain(ColumnType.of(TypeKind.BOOLEAN, sqlName))
                    : integer(TypeKind.SMALLINT, sqlName, column, unsigned ? 0 : -128, unsigned ? 255 : 127);
            case "smallint" -> unsigned ? integer(TypeKind.INTEGER, sqlName, column, 0, 65_535) : plain(ColumnType.of(TypeKind.SMALLINT, sqlName));
            case "mediumint" -> integer(TypeKind.INTEGER, sqlName, column, unsigned ? 0 : -8_388_608, unsigned ? 16_777_215 : 8_388_607);
            case "int", "integer" -> unsigned ? integer(TypeKind.BIGINT, sqlName, column, 0, 4_294_967_295L) : plain(ColumnType.of(TypeKind.INTEGER, sqlName));
            case "bigint" -> unsigned ? bounded(ColumnType.of(TypeKind.BIGINT, sqlName), column, q(column) + " >= 0")
                    : plain(ColumnType.of(TypeKind.BIGINT, sqlName));
            case "decimal", "numeric" -> {
                ColumnType t = ColumnType.numeric(sqlName, c.precision(), c.scale());
                yield unsigned ? bounded(t, column, q(column) + " >= 0") : plain(t);
            }
            // MySQL floats hold neither NaN nor infinities: a finite range keeps the engine off them.
            case "float", "double", "real" -> bounded(ColumnType.of(c.dataType().equals("float") ? TypeKind.REAL : TypeKind.DOUBLE, sqlName),
                    column, q(column) + " BETWEEN " + (unsigned ? "0" : "-1000000000000000") + " AND 1000000000000000");
            case "bit" -> plain(ColumnType.text(TypeKind.BIT, sqlName, c.precision() == null ? 1 : c.precision()));
            case "char" -> plain(ColumnType.text(TypeKind.CHAR, sqlName, length(c)));
            case "varchar" -> plain(ColumnType.text(TypeKind.VARCHAR, sqlName, length(c)));
            case "tinytext", "text", "mediumtext", "longtext" -> json ? plain(ColumnType.of(TypeKind.JSON, sqlName))
                    : plain(ColumnType.text(TypeKind.TEXT, sqlName, textLength(c)));
            case "json" -> plain(ColumnType.of(TypeKind.JSON, sqlName));
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> plain(ColumnType.of(TypeKind.BYTEA, sqlName));
            case "date" -> bounded(ColumnType.of(TypeKind.DATE, sqlName), column, q(column) + " BETWEEN '1000-01-01' AND '9999-12-31'");
            case "datetime" -> bounded(temporal(TypeKind.TIMESTAMP, sqlName, c), column,
                    q(column) + " BETWEEN '1000-01-01 00:00:00' AND '9999-12-31 23:59:59'");
            // 1970-01-01 00:00:01 .. 2038-01-19 03:14:07 UTC, with a day's margin so no session time zone pushes a value out
            case "timestamp" -> bounded(temporal(TypeKind.TIMESTAMP, sqlName, c), column,
                    q(column) + " BETWEEN '1970-01-02 00:00:00' AND '2038-01-18 00:00:00'");
            case "time" -> plain(temporal(TypeKind.TIME, sqlName, c));
            case "year" -> integer(TypeKind.SMALLINT, sqlName, column, 1901, 2155);
            case "enum" -> plain(ColumnType.enumOf(sqlName, labels(sqlName)));
            case "set" -> set(c);
            case "uuid" -> plain(ColumnType.of(TypeKind.UUID, sqlName));
            case "inet4", "inet6" -> plain(ColumnType.of(TypeKind.INET, sqlName));
            default -> new Resolved(ColumnType.of(TypeKind.OTHER, sqlName), null,
                    new SchemaModel.Unsupported(c.schema() + "." + c.table() + "." + column,
                            SPATIAL.contains(c.dataType()) ? "spatial type" : "type",
                            sqlName + ": not generated (written NULL when nullable, else left to its default)"));
        };
    }

    /** Whether a data type is one of the text family, which MariaDB also uses to store JSON. */
    static boolean isText(String dataType) {
        return TEXTS.contains(dataType);
    }

    /**
     * A SET value is a comma-separated subset of its members in declared order. Small sets become
     * the enum of every such value (the empty set included), so any of them may be picked; larger
     * ones only the empty value and single members, reported as partly supported.
     */
    private static Resolved set(ColumnRow c) {
        List<String> members = labels(c.columnType());
        List<String> values = new ArrayList<>();
        if (members.size() <= SET_MEMBERS_ENUMERATED) {
            for (int mask = 0; mask < 1 << members.size(); mask++) {
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) if ((mask & 1 << i) != 0) subset.add(members.get(i));
                values.add(String.join(",", subset));
            }
            return plain(ColumnType.enumOf(c.columnType(), values));
        }
        values.add("");
        values.addAll(members);
        return new Resolved(ColumnType.enumOf(c.columnType(), values), null,
                new SchemaModel.Unsupported(c.schema() + "." + c.table() + "." + c.name(), "set type",
                        members.size() + " members: only the empty value and single members are generated"));
    }

    /** The labels of {@code enum('a','b''c')} or {@code set(...)}, unescaped, in declared order. */
    static List<String> labels(String columnType) {
        int open = columnType.indexOf('(');
        int close = columnType.lastIndexOf(')');
        List<String> labels = new ArrayList<>();
        if (open < 0 || close < open) return labels;
        Matcher m = QUOTED_LABEL.matcher(columnType.substring(open + 1, close));
        while (m.find()) labels.add(m.group(1).replace("''", "'").replace("\\\\", "\\"));
        return labels;
    }

    private static Integer length(ColumnRow c) {
        return c.charLength() == null ? null : (int) Math.min(Integer.MAX_VALUE, c.charLength());
    }

    /**
     * TINYTEXT and TEXT are limited in bytes (255, 65,535), not characters: the length given is the
     * number of characters that always fits, whatever their encoded size. Longer texts are unbounded.
     */
    private static Integer textLength(ColumnRow c) {
        int bytesPerChar = c.maxBytesPerChar() == null ? 4 : c.maxBytesPerChar();
        return switch (c.dataType()) {
            case "tinytext" -> 255 / bytesPerChar;
            case "text" -> 65_535 / bytesPerChar;
            default -> null;
        };
    }

    private static ColumnType temporal(TypeKind kind, String sqlName, ColumnRow c) {
        return new ColumnType(kind, sqlName, null, c.datetimePrecision(), null, List.of(), null);
    }

    private static Resolved plain(ColumnType type) {
        return new Resolved(type, null, null);
    }

    private static Resolved integer(TypeKind kind, String sqlName, String column, long min, long max) {
        return bounded(ColumnType.of(kind, sqlName), column, q(column) + " BETWEEN " + min + " AND " + max);
    }

    private static Resolved bounded(ColumnType type, String column, String expression) {
        return new Resolved(type, new CheckConstraint(TYPE_CHECK_PREFIX + column, expression, List.of(column)), null);
    }

    private static String q(String column) {
        return Identifiers.quote(column);
    }
}
