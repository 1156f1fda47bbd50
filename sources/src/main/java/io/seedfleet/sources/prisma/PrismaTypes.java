package io.seedfleet.sources.prisma;

import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.sources.prisma.PrismaAst.Attribute;
import io.seedfleet.sources.prisma.PrismaAst.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prisma scalar types and {@code @db.*} native types as the PostgreSQL types Prisma's postgresql
 * provider creates; sqlNames are spelt as PostgreSQL's format_type prints them.
 */
final class PrismaTypes {
    private PrismaTypes() {}

    private static final ColumnType TIMESTAMP_3 = temporal(TypeKind.TIMESTAMP, "timestamp", 3, " without time zone");

    /** The default mapping of each Prisma scalar type. */
    static final Map<String, ColumnType> SCALARS = Map.of(
            "String", ColumnType.of(TypeKind.TEXT, "text"),
            "Boolean", ColumnType.of(TypeKind.BOOLEAN, "boolean"),
            "Int", ColumnType.of(TypeKind.INTEGER, "integer"),
            "BigInt", ColumnType.of(TypeKind.BIGINT, "bigint"),
            "Float", ColumnType.of(TypeKind.DOUBLE, "double precision"),
            "Decimal", ColumnType.numeric("numeric(65,30)", 65, 30),
            "DateTime", TIMESTAMP_3,
            "Json", ColumnType.of(TypeKind.JSONB, "jsonb"),
            "Bytes", ColumnType.of(TypeKind.BYTEA, "bytea"));

    static boolean isScalar(String type) {
        return SCALARS.containsKey(type);
    }

    /**
     * The type a {@code @db.<Name>(args)} attribute asks for, or empty when PostgreSQL has no such
     * native type in Prisma. {@code args} are the attribute's numeric arguments.
     */
    static Optional<ColumnType> nativeType(String name, Attribute attribute) {
        Integer first = number(attribute, 0);
        Integer second = number(attribute, 1);
        ColumnType type = switch (name) {
            case "Text" -> ColumnType.of(TypeKind.TEXT, "text");
            case "VarChar" -> ColumnType.text(TypeKind.VARCHAR, "character varying" + modifier(first), first);
            case "Char" -> {
                int length = first == null ? 1 : first;
                yield ColumnType.text(TypeKind.CHAR, "character(" + length + ")", length);
            }
            case "Uuid" -> ColumnType.of(TypeKind.UUID, "uuid");
            case "Inet" -> ColumnType.of(TypeKind.INET, "inet");
            case "Citext" -> ColumnType.of(TypeKind.OTHER, "citext");
            case "Oid" -> ColumnType.of(TypeKind.OTHER, "oid");
            case "Bit" -> {
                int length = first == null ? 1 : first;
                yield ColumnType.text(TypeKind.BIT, "bit(" + length + ")", length);
            }
            case "VarBit" -> ColumnType.text(TypeKind.BIT, "bit varying" + modifier(first), first);
            case "Boolean" -> ColumnType.of(TypeKind.BOOLEAN, "boolean");
            case "Integer", "Int" -> ColumnType.of(TypeKind.INTEGER, "integer");
            case "SmallInt" -> ColumnType.of(TypeKind.SMALLINT, "smallint");
            case "BigInt" -> ColumnType.of(TypeKind.BIGINT, "bigint");
            case "DoublePrecision" -> ColumnType.of(TypeKind.DOUBLE, "double precision");
            case "Real" -> ColumnType.of(TypeKind.REAL, "real");
            case "Decimal" -> first == null ? SCALARS.get("Decimal")
                    : ColumnType.numeric("numeric(" + first + "," + (second == null ? 0 : second) + ")", first, second == null ? 0 : second);
            case "Money" -> ColumnType.of(TypeKind.MONEY, "money");
            case "Timestamp" -> temporal(TypeKind.TIMESTAMP, "timestamp", precision(first), " without time zone");
            case "Timestamptz" -> temporal(TypeKind.TIMESTAMPTZ, "timestamp", precision(first), " with time zone");
            case "Time" -> temporal(TypeKind.TIME, "time", precision(first), " without time zone");
            case "Timetz" -> temporal(TypeKind.TIMETZ, "time", precision(first), " with time zone");
            case "Date" -> ColumnType.of(TypeKind.DATE, "date");
            case "Json" -> ColumnType.of(TypeKind.JSON, "json");
            case "JsonB" -> ColumnType.of(TypeKind.JSONB, "jsonb");
            case "ByteA" -> ColumnType.of(TypeKind.BYTEA, "bytea");
            case "Xml" -> ColumnType.of(TypeKind.XML, "xml");
            default -> null;
        };
        return Optional.ofNullable(type);
    }

    /** Prisma's temporal native types default to millisecond precision, as its DateTime does. */
    private static int precision(Integer given) {
        return given == null ? 3 : given;
    }

    private static ColumnType temporal(TypeKind kind, String base, int precision, String zone) {
        return new ColumnType(kind, base + "(" + precision + ")" + zone, null, precision, null, List.of(), null);
    }

    private static Integer number(Attribute attribute, int position) {
        Optional<Value> value = attribute.argument("", position);
        if (value.isPresent() && value.get() instanceof PrismaAst.Number n && n.value().matches("\\d+")) {
            return Integer.valueOf(n.value());
        }
        return null;
    }

    private static String modifier(Integer value) {
        return value == null ? "" : "(" + value + ")";
    }
}
