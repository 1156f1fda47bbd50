package io.seedfleet.sources.prisma;

import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.sources.prisma.PrismaAst.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code @default(...)} as the column DEFAULT Prisma's migrations write: literals as SQL literals,
 * enum values cast to their type, lists as ARRAY[...], now() as CURRENT_TIMESTAMP, dbgenerated("...")
 * as its text. uuid(), cuid(), nanoid() and ulid() are filled in by Prisma Client, so the database has
 * no default for them; autoincrement() makes the column serial.
 */
final class PrismaDefaults {
    private PrismaDefaults() {}

    record Default(String expression, boolean autoincrement) {
        static final Default NONE = new Default(null, false);
    }

    private static final List<String> CLIENT_SIDE = List.of("uuid", "cuid", "nanoid", "ulid", "auto", "sequence");

    /**
     * @param type the column's type (an array for scalar lists)
     * @param enumLabels the enum's labels by value name, when the field is an enum
     */
    static Default of(Value value, ColumnType type, String prismaType, Map<String, String> enumLabels,
                      String file, int line, String construct) {
        if (value == null) throw new SourceException(file, line, construct + " @default", "missing the default value");
        if (value instanceof PrismaAst.Call call) {
            return switch (call.function()) {
                case "autoincrement" -> new Default(null, true);
                case "now" -> new Default("CURRENT_TIMESTAMP", false);
                case "dbgenerated" -> new Default(call.arguments().isEmpty() ? null
                        : text(call.arguments().get(0).value(), file, line, construct), false);
                default -> {
                    if (CLIENT_SIDE.contains(call.function())) yield Default.NONE;
                    throw new SourceException(file, line, construct + " @default",
                            "unknown function " + call.function() + "() in @default");
                }
            };
        }
        return new Default(literal(value, type, prismaType, enumLabels, file, line, construct), false);
    }

    private static String literal(Value value, ColumnType type, String prismaType, Map<String, String> enumLabels,
                                  String file, int line, String construct) {
        if (value instanceof PrismaAst.Array array) {
            ColumnType element = type.element() != null ? type.element() : type;
            List<String> items = new ArrayList<>();
            for (Value item : array.items()) items.add(literal(item, element, prismaType, enumLabels, file, line, construct));
            return "ARRAY[" + String.join(", ", items) + "]::" + arrayTypeName(type);
        }
        if (value instanceof PrismaAst.Text text) {
            return type.kind() == TypeKind.ENUM ? enumLiteral(text.value(), type, enumLabels, file, line, construct)
                    : Identifiers.literal(text.value());
        }
        if (value instanceof PrismaAst.Number number) return number.value();
        if (value instanceof PrismaAst.Name name) {
            if (type.kind() == TypeKind.ENUM) return enumLiteral(name.value(), type, enumLabels, file, line, construct);
            if (name.value().equals("true") || name.value().equals("false")) return name.value();
            throw new SourceException(file, line, construct + " @default",
                    "'" + name.value() + "' is not a value of type " + prismaType);
        }
        throw new SourceException(file, line, construct + " @default",
                ((PrismaAst.Call) value).function() + "() cannot be part of a list default");
    }

    private static String enumLiteral(String value, ColumnType type, Map<String, String> labels,
                                      String file, int line, String construct) {
        String label = labels.get(value);
        if (label == null) {
            throw new SourceException(file, line, construct + " @default", "'" + value + "' is not a value of enum " + type.sqlName());
        }
        return Identifiers.literal(label) + "::" + type.sqlName();
    }

    private static String arrayTypeName(ColumnType type) {
        return type.kind() == TypeKind.ARRAY ? type.sqlName() : type.sqlName() + "[]";
    }

    private static String text(Value value, String file, int line, String construct) {
        if (value instanceof PrismaAst.Text text) return text.value();
        throw new SourceException(file, line, construct + " @default", "dbgenerated() takes a string");
    }
}
