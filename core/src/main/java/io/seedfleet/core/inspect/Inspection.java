package io.seedfleet.core.inspect;

import java.util.List;

/**
 * What {@code seedfleet inspect} reports about a schema, whatever its source. Its JSON form (the
 * record components, {@code format} first) is a published contract: {@code schemas/inspect.schema.json}.
 * Fields are only ever added, under the same {@code format}.
 */
public record Inspection(String format, String source, Summary summary, List<TableInfo> tables,
                         List<Relationship> relationships, List<ManyToMany> manyToMany, List<Cycle> cycles,
                         List<List<String>> loadOrder, List<EnumInfo> enums, List<String> views, List<TriggerInfo> triggers,
                         List<Unsupported> unsupported, List<String> problems) {

    public static final String FORMAT = "seedfleet-inspect/1";

    public record Summary(int tables, int columns, int foreignKeys, int uniqueKeys, int checks, int cycles, int junctionTables) {}

    public record TableInfo(String name, String comment, List<ColumnInfo> columns, List<String> primaryKey,
                            List<KeyInfo> uniqueKeys, List<ForeignKeyInfo> foreignKeys, List<CheckInfo> checks, String partitioning) {}

    /**
     * {@code role}: how the value is made. {@code identity}/{@code sequence}/{@code generated} are the
     * database's own; {@code key} a generated unique key; {@code reference} a foreign key;
     * {@code timestamp} a system time (created/updated/deleted); {@code realistic} a value with a meaning
     * ({@code semantic} names it: email, first_name, amount...); {@code value} anything else of its type;
     * {@code unsupported} a type the engine cannot make.
     */
    public record ColumnInfo(String name, String type, boolean nullable, String role, String semantic, String defaultExpression) {}

    public record KeyInfo(String name, List<String> columns, String kind, boolean nullsNotDistinct, String predicate, List<String> expressions) {}

    public record ForeignKeyInfo(String name, List<String> columns, String references, List<String> referencedColumns,
                                 String match, boolean deferrable) {}

    public record CheckInfo(String name, String expression, List<String> columns) {}

    /** {@code cardinality}: many-to-one, or one-to-one when the referencing columns are unique. */
    public record Relationship(String from, List<String> columns, String to, String cardinality, boolean optional, String constraint) {}

    public record ManyToMany(String junction, String left, String right) {}

    /** {@code strategy}: {@code insert-null-then-update} (a nullable FK) or {@code drop-and-readd} (a NOT NULL one). */
    public record Cycle(String table, String constraint, String references, String strategy) {}

    public record EnumInfo(String type, List<String> labels) {}

    public record TriggerInfo(String table, String name, String timing, List<String> events, boolean enabled) {}

    public record Unsupported(String object, String construct, String detail) {}
}
