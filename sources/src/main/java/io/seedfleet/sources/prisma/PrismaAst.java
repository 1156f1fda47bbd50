package io.seedfleet.sources.prisma;

import java.util.List;
import java.util.Optional;

/** The syntax tree of a Prisma schema, as {@link PrismaParser} reads it: blocks, fields, attributes, values. */
final class PrismaAst {
    private PrismaAst() {}

    /** A top-level block, with the file and line it starts on. */
    sealed interface Block permits Model, EnumBlock, OtherBlock {
        String name();
        String file();
        int line();
    }

    /** A {@code model} (or {@code view}): its fields and its block attributes ({@code @@id}, {@code @@map}...). */
    record Model(String keyword, String name, List<Field> fields, List<Attribute> attributes, String file, int line) implements Block {
        Optional<Attribute> attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    record EnumBlock(String name, List<EnumValue> values, List<Attribute> attributes, String file, int line) implements Block {
        Optional<Attribute> attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    record EnumValue(String name, List<Attribute> attributes, int line) {}

    /** datasource, generator and composite {@code type} blocks: kept by name only. */
    record OtherBlock(String keyword, String name, String file, int line) implements Block {}

    /** {@code name Type? @attr(...)}; {@code list} for {@code Type[]}. {@code typeArgs} holds Unsupported("...")'s text. */
    record Field(String name, String type, List<Value> typeArgs, boolean optional, boolean list,
                 List<Attribute> attributes, int line) {
        Optional<Attribute> attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    /** {@code @db.VarChar(255)} has name {@code db.VarChar}; arguments are positional (name null) or named. */
    record Attribute(String name, List<Argument> arguments, int line) {
        /** The named argument, or else the positional one at {@code position} (-1: none). */
        Optional<Value> argument(String name, int position) {
            for (Argument a : arguments) if (name.equals(a.name())) return Optional.of(a.value());
            int index = 0;
            for (Argument a : arguments) {
                if (a.name() != null) continue;
                if (index++ == position) return Optional.of(a.value());
            }
            return Optional.empty();
        }
    }

    record Argument(String name, Value value) {}

    /** An argument value. */
    sealed interface Value permits Text, Number, Name, Call, Array {}

    record Text(String value) implements Value {}

    record Number(String value) implements Value {}

    /** A bare or dotted name: true, Cascade, an enum value, a field. */
    record Name(String value) implements Value {}

    /** {@code now()}, {@code dbgenerated("...")}, {@code sort: Desc} arguments included. */
    record Call(String function, List<Argument> arguments) implements Value {}

    record Array(List<Value> items) implements Value {}
}
