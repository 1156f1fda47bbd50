package io.seedfleet.sources.ddl;

import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a {@link SchemaModel} back as PostgreSQL DDL that creates it in an empty database: schemas,
 * enum types, sequences, tables (columns, primary keys, unique constraints, CHECKs, partitions),
 * unique indexes, and foreign keys last, as ALTER TABLE, so that foreign-key cycles need no ordering.
 * Every identifier goes through {@link Identifiers} or {@link QualifiedName#sql()}.
 *
 * <p>What the model does not carry cannot be written back, so some things come out different:
 * <ul>
 *   <li>Domains: the model keeps a domain column's base type (kind, length, precision) but not the
 *       domain's definition, so the column is written with its base type. The domain's CHECKs, which
 *       the introspector restates per column under the name {@code domain.constraint}, are skipped:
 *       they belong to a type the written schema does not have, and written as table CHECKs they would
 *       become constraints the source never declared (and be read back under other rules).</li>
 *   <li>Views, triggers, functions, ON DELETE/ON UPDATE actions, index methods and non-unique indexes
 *       are not in the model. Partitions are written as {@code <table>_part<n>}, with their bounds; a
 *       table partitioned on an expression (the model keeps no key columns then) is written unpartitioned.</li>
 *   <li>Defaults, generated columns, CHECKs and index predicates are written as the model has them:
 *       SQL text that may name functions or types (a domain, in a cast) the written schema lacks.</li>
 *   <li>A unique index mixing columns and expressions is written columns first: the model keeps the
 *       two lists apart, and the order does not change what the index makes unique.</li>
 * </ul>
 */
public final class PostgresDdlWriter {
    private PostgresDdlWriter() {}

    /**
     * The statements, each ending in ";\n", in an order that needs nothing to exist beforehand but
     * the {@code public} schema: run them as one script on an empty database.
     */
    public static String write(SchemaModel model) {
        StringBuilder out = new StringBuilder();
        Map<QualifiedName, List<String>> enums = EnumTypes.collect(model);
        Map<QualifiedName, Column> sequences = sequences(model);
        writeSchemas(model, enums.keySet(), sequences.keySet(), out);
        enums.forEach((name, labels) -> out.append("CREATE TYPE ").append(name.sql()).append(" AS ENUM (")
                .append(String.join(", ", labels.stream().map(Identifiers::literal).toList())).append(");\n"));
        sequences.forEach((sequence, column) -> out.append("CREATE SEQUENCE ").append(sequence.sql())
                .append(column.type().kind().isInteger() ? " AS " + TypeNames.sql(column.type()) : "").append(";\n"));
        for (Table table : model.tables()) writeTable(table, out);
        writeSequenceOwners(model, sequences, out);
        for (Table table : model.tables()) {
            for (ForeignKey fk : table.foreignKeys()) writeForeignKey(table, fk, out);
        }
        return out.toString();
    }

    private static void writeSchemas(SchemaModel model, Set<QualifiedName> enumNames, Set<QualifiedName> sequenceNames,
                                     StringBuilder out) {
        Set<String> schemas = new TreeSet<>();
        model.tables().forEach(t -> schemas.add(t.name().schema()));
        enumNames.forEach(n -> schemas.add(n.schema()));
        sequenceNames.forEach(n -> schemas.add(n.schema()));
        schemas.remove("public");
        schemas.forEach(s -> out.append("CREATE SCHEMA IF NOT EXISTS ").append(Identifiers.quote(s)).append(";\n"));
    }

    // --- sequences behind serial columns --------------------------------------------------------

    /**
     * The sequences SERIAL columns draw from, each with the first column using it. They are created
     * by name (rather than through the serial pseudo-type) so that a sequence keeps the name the
     * model gives it, even when it is not {@code <table>_<column>_seq} or is shared.
     */
    private static Map<QualifiedName, Column> sequences(SchemaModel model) {
        Map<QualifiedName, Column> sequences = new LinkedHashMap<>();
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                if (column.identity() == Column.Identity.SERIAL && column.sequence() != null) {
                    sequences.putIfAbsent(column.sequence(), column);
                }
            }
        }
        return sequences;
    }

    /** OWNED BY ties each sequence to its first column, as serial does: dropping the column drops it. */
    private static void writeSequenceOwners(SchemaModel model, Map<QualifiedName, Column> sequences, StringBuilder out) {
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                if (column.sequence() != null && sequences.get(column.sequence()) == column) {
                    out.append("ALTER SEQUENCE ").append(column.sequence().sql()).append(" OWNED BY ")
                            .append(table.name().sql()).append('.').append(Identifiers.quote(column.name())).append(";\n");
                }
            }
        }
    }

    // --- tables ---------------------------------------------------------------------------------

    private static void writeTable(Table table, StringBuilder out) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) parts.add(columnDefinition(column));
        for (UniqueKey key : table.uniqueKeys()) {
            if (isInlineConstraint(key)) parts.add(keyConstraint(key));
        }
        for (CheckConstraint check : table.checks()) {
            if (isDomainCheck(check)) continue;
            parts.add("CONSTRAINT " + Identifiers.quote(check.name()) + " CHECK (" + check.expression() + ")");
        }
        out.append("CREATE TABLE ").append(table.name().sql()).append(" (\n    ")
                .append(String.join(",\n    ", parts)).append("\n)");
        boolean partitioned = table.partitioning() != null && !table.partitioning().columns().isEmpty();
        if (partitioned) {
            out.append(" PARTITION BY ").append(table.partitioning().strategy())
                    .append(" (").append(Identifiers.quoteAll(table.partitioning().columns())).append(')');
        }
        out.append(";\n");
        if (partitioned) writePartitions(table, out);
        for (UniqueKey key : table.uniqueKeys()) {
            if (!isInlineConstraint(key)) writeUniqueIndex(table, key, out);
        }
        writeComments(table, out);
    }

    /** A domain CHECK restated for a column is named {@code domain.constraint}: see the class comment. */
    static boolean isDomainCheck(CheckConstraint check) {
        return check.name().contains(".");
    }

    private static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ');
        sql.append(column.identity() == Column.Identity.SERIAL && column.sequence() == null
                ? TypeNames.serial(column.type())
                : TypeNames.sql(column.type()));
        if (column.generated() && column.defaultExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.defaultExpression()).append(") STORED");
        } else {
            switch (column.identity()) {
                case ALWAYS -> sql.append(" GENERATED ALWAYS AS IDENTITY").append(identitySequence(column));
                case BY_DEFAULT -> sql.append(" GENERATED BY DEFAULT AS IDENTITY").append(identitySequence(column));
                case SERIAL -> {
                    if (column.sequence() != null) {
                        sql.append(" DEFAULT nextval(").append(Identifiers.literal(column.sequence().sql())).append("::regclass)");
                    }
                }
                case NONE -> {
                    if (column.defaultExpression() != null) sql.append(" DEFAULT ").append(column.defaultExpression());
                }
            }
        }
        // an identity column is NOT NULL whatever the model says, as PostgreSQL makes it; a column
        // drawing from a sequence by default is NOT NULL only when declared so
        boolean identity = column.identity() == Column.Identity.ALWAYS || column.identity() == Column.Identity.BY_DEFAULT;
        if (!column.nullable() || identity) sql.append(" NOT NULL");
        return sql.toString();
    }

    private static String identitySequence(Column column) {
        return column.sequence() == null ? "" : " (SEQUENCE NAME " + column.sequence().sql() + ")";
    }

    // --- keys -----------------------------------------------------------------------------------

    private static boolean isInlineConstraint(UniqueKey key) {
        return key.kind() != UniqueKey.Kind.UNIQUE_INDEX && key.isPlain();
    }

    private static String keyConstraint(UniqueKey key) {
        String kind = key.isPrimaryKey() ? " PRIMARY KEY" : " UNIQUE" + (key.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
        return "CONSTRAINT " + Identifiers.quote(key.name()) + kind + " (" + Identifiers.quoteAll(key.columns()) + ")";
    }

    /** A unique index (in the table's schema, as PostgreSQL requires), partial or over expressions. */
    private static void writeUniqueIndex(Table table, UniqueKey key, StringBuilder out) {
        List<String> elements = new ArrayList<>(key.columns().stream().map(Identifiers::quote).toList());
        key.expressions().forEach(e -> elements.add("(" + e + ")"));
        out.append("CREATE UNIQUE INDEX ").append(Identifiers.quote(key.name())).append(" ON ").append(table.name().sql())
                .append(" (").append(String.join(", ", elements)).append(')');
        if (key.nullsNotDistinct()) out.append(" NULLS NOT DISTINCT");
        if (key.predicate() != null) out.append(" WHERE ").append(key.predicate());
        out.append(";\n");
    }

    private static void writeForeignKey(Table table, ForeignKey fk, StringBuilder out) {
        out.append("ALTER TABLE ").append(table.name().sql()).append(" ADD CONSTRAINT ").append(Identifiers.quote(fk.name()))
                .append(" FOREIGN KEY (").append(Identifiers.quoteAll(fk.columns())).append(") REFERENCES ")
                .append(fk.referencedTable().sql()).append(" (").append(Identifiers.quoteAll(fk.referencedColumns())).append(')');
        // MATCH PARTIAL is in the standard but PostgreSQL does not implement it, so no model read from one has it
        if (fk.match() == ForeignKey.MatchType.FULL) out.append(" MATCH FULL");
        if (fk.deferrable()) out.append(" DEFERRABLE INITIALLY ").append(fk.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
        out.append(";\n");
    }

    // --- partitions and comments ----------------------------------------------------------------

    /**
     * Leaf partitions are not in the model by name: each bound gets {@code <table>_part<n>}, numbered
     * with leading zeros so that their name order (the order the introspector lists bounds in) is the
     * model's order.
     */
    private static void writePartitions(Table table, StringBuilder out) {
        List<String> bounds = List.copyOf(new LinkedHashSet<>(table.partitioning().bounds()));
        String number = "%0" + String.valueOf(bounds.size()).length() + "d";
        for (int n = 0; n < bounds.size(); n++) {
            String bound = bounds.get(n);
            QualifiedName partition = new QualifiedName(table.name().schema(),
                    table.name().name() + "_part" + String.format(Locale.ROOT, number, n + 1));
            out.append("CREATE TABLE ").append(partition.sql()).append(" PARTITION OF ").append(table.name().sql())
                    .append(' ').append(bound.trim()).append(";\n");
        }
    }

    private static void writeComments(Table table, StringBuilder out) {
        if (table.comment() != null) {
            out.append("COMMENT ON TABLE ").append(table.name().sql()).append(" IS ").append(Identifiers.literal(table.comment())).append(";\n");
        }
        for (Column column : table.columns()) {
            if (column.comment() == null) continue;
            out.append("COMMENT ON COLUMN ").append(table.name().sql()).append('.').append(Identifiers.quote(column.name()))
                    .append(" IS ").append(Identifiers.literal(column.comment())).append(";\n");
        }
    }

    // --- types ----------------------------------------------------------------------------------

    /**
     * Type names for column definitions, from the model type's kind, length, precision and scale
     * rather than from its {@code sqlName}: a domain column's sqlName names the domain, which the
     * written schema does not have, while its kind and modifiers are the base type's. Enums and types
     * the engine does not know ({@code OTHER}) are named by their sqlName.
     */
    static final class TypeNames {
        private TypeNames() {}

        static String sql(ColumnType type) {
            return switch (type.kind()) {
                case ARRAY -> (type.element() == null ? "text" : sql(type.element())) + "[]";
                case ENUM -> EnumTypes.name(type).sql();
                case OTHER -> type.sqlName();
                case SMALLINT -> "smallint";
                case INTEGER -> "integer";
                case BIGINT -> "bigint";
                case NUMERIC -> type.precision() == null ? "numeric"
                        : "numeric(" + type.precision() + (type.scale() == null ? "" : "," + type.scale()) + ")";
                case REAL -> "real";
                case DOUBLE -> "double precision";
                case MONEY -> "money";
                case BOOLEAN -> "boolean";
                case TEXT -> "text";
                case VARCHAR -> "character varying" + modifier(type.length());
                // bpchar without a length is unbounded; "character" alone would mean character(1)
                case CHAR -> type.length() == null ? "bpchar" : "character(" + type.length() + ")";
                case DATE -> "date";
                case TIME -> "time" + modifier(type.precision()) + " without time zone";
                case TIMETZ -> "time" + modifier(type.precision()) + " with time zone";
                case TIMESTAMP -> "timestamp" + modifier(type.precision()) + " without time zone";
                case TIMESTAMPTZ -> "timestamp" + modifier(type.precision()) + " with time zone";
                // interval fields (day to second) are not decoded into the model: keep PostgreSQL's spelling
                case INTERVAL -> type.sqlName() != null && type.sqlName().startsWith("interval") ? type.sqlName() : "interval";
                case BIT -> (type.sqlName() != null && type.sqlName().startsWith("bit varying") ? "bit varying" : "bit")
                        + modifier(type.length());
                case UUID, JSON, JSONB, INET, CIDR, MACADDR, BYTEA, TSVECTOR, XML -> type.kind().name().toLowerCase(Locale.ROOT);
            };
        }

        /** The pseudo-type for a serial column without a named sequence. */
        static String serial(ColumnType type) {
            return switch (type.kind()) {
                case SMALLINT -> "smallserial";
                case BIGINT -> "bigserial";
                default -> "serial";
            };
        }

        private static String modifier(Integer value) {
            return value == null ? "" : "(" + value + ")";
        }
    }

    /**
     * The enum types the model's columns use (array elements included), by name, with their labels
     * in declared order. The name comes from the type's sqlName, which may be schema-qualified and
     * quoted ({@code public."Role"}); unqualified names are in {@code public}.
     */
    static final class EnumTypes {
        private EnumTypes() {}

        static Map<QualifiedName, List<String>> collect(SchemaModel model) {
            Map<QualifiedName, List<String>> enums = new TreeMap<>();
            for (Table table : model.tables()) {
                for (Column column : table.columns()) {
                    for (ColumnType type = column.type(); type != null; type = type.element()) {
                        if (type.kind() == TypeKind.ENUM) enums.putIfAbsent(name(type), type.enumLabels());
                    }
                }
            }
            return enums;
        }

        static QualifiedName name(ColumnType enumType) {
            List<String> parts = splitQualified(enumType.sqlName());
            return parts.size() == 1 ? new QualifiedName("public", parts.get(0))
                    : new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
        }

        /** Splits {@code a."B.c"} into its identifiers, unquoting the quoted ones; a trailing [] is not part of a name. */
        static List<String> splitQualified(String sqlName) {
            String text = sqlName.endsWith("[]") ? sqlName.substring(0, sqlName.length() - 2) : sqlName;
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        part.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '.') {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            parts.add(part.toString());
            return parts;
        }
    }
}
