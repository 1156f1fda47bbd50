package io.seedfleet.sources.graphql;

import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GraphQL scalars as PostgreSQL column types: the five built-in ones, and the custom scalars schemas
 * commonly declare (graphql-scalars' names and their usual variants), matched case-insensitively.
 */
final class GraphqlScalars {
    private GraphqlScalars() {}

    private static final ColumnType TEXT = ColumnType.of(TypeKind.TEXT, "text");

    private static final Map<String, ColumnType> KNOWN = Map.ofEntries(
            // ID is serialised as a string, whatever the server keeps it as
            Map.entry("id", TEXT),
            Map.entry("string", TEXT),
            // GraphQL's Int is a signed 32-bit integer, its Float a double
            Map.entry("int", ColumnType.of(TypeKind.INTEGER, "integer")),
            Map.entry("float", ColumnType.of(TypeKind.DOUBLE, "double precision")),
            Map.entry("boolean", ColumnType.of(TypeKind.BOOLEAN, "boolean")),
            Map.entry("datetime", timestampTz()),
            Map.entry("timestamp", timestampTz()),
            Map.entry("instant", timestampTz()),
            Map.entry("date", ColumnType.of(TypeKind.DATE, "date")),
            Map.entry("localdate", ColumnType.of(TypeKind.DATE, "date")),
            Map.entry("time", new ColumnType(TypeKind.TIME, "time without time zone", null, null, null, List.of(), null)),
            Map.entry("localtime", new ColumnType(TypeKind.TIME, "time without time zone", null, null, null, List.of(), null)),
            Map.entry("json", ColumnType.of(TypeKind.JSONB, "jsonb")),
            Map.entry("jsonobject", ColumnType.of(TypeKind.JSONB, "jsonb")),
            Map.entry("uuid", ColumnType.of(TypeKind.UUID, "uuid")),
            Map.entry("email", TEXT),
            Map.entry("emailaddress", TEXT),
            Map.entry("url", TEXT),
            Map.entry("uri", TEXT),
            Map.entry("phonenumber", TEXT),
            Map.entry("bigint", ColumnType.of(TypeKind.BIGINT, "bigint")),
            Map.entry("long", ColumnType.of(TypeKind.BIGINT, "bigint")),
            Map.entry("short", ColumnType.of(TypeKind.SMALLINT, "smallint")),
            Map.entry("decimal", ColumnType.numeric("numeric", null, null)),
            Map.entry("bigdecimal", ColumnType.numeric("numeric", null, null)),
            Map.entry("currency", ColumnType.of(TypeKind.TEXT, "text")),
            Map.entry("ipv4", ColumnType.of(TypeKind.INET, "inet")),
            Map.entry("ip", ColumnType.of(TypeKind.INET, "inet")),
            Map.entry("byte", ColumnType.of(TypeKind.BYTEA, "bytea")),
            Map.entry("bytes", ColumnType.of(TypeKind.BYTEA, "bytea")));

    /** The column type of a scalar by name, or empty for one this does not know. */
    static Optional<ColumnType> type(String scalar) {
        return Optional.ofNullable(KNOWN.get(scalar.toLowerCase(Locale.ROOT)));
    }

    static boolean isBuiltIn(String name) {
        return List.of("ID", "String", "Int", "Float", "Boolean").contains(name);
    }

    private static ColumnType timestampTz() {
        return new ColumnType(TypeKind.TIMESTAMPTZ, "timestamp with time zone", null, null, null, List.of(), null);
    }
}
