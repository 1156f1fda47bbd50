package io.seedfleet.sources.prisma;

import io.seedfleet.core.schema.SourceException;
import io.seedfleet.sources.prisma.PrismaAst.Argument;
import io.seedfleet.sources.prisma.PrismaAst.Attribute;
import io.seedfleet.sources.prisma.PrismaAst.Block;
import io.seedfleet.sources.prisma.PrismaAst.EnumBlock;
import io.seedfleet.sources.prisma.PrismaAst.EnumValue;
import io.seedfleet.sources.prisma.PrismaAst.Field;
import io.seedfleet.sources.prisma.PrismaAst.Model;
import io.seedfleet.sources.prisma.PrismaAst.OtherBlock;
import io.seedfleet.sources.prisma.PrismaAst.Value;
import io.seedfleet.sources.prisma.PrismaToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for Prisma schema files (the Prisma Schema Language). No maintained
 * Java parser for it exists (Prisma's own is Rust, in prisma-engines), and the language is small:
 * blocks of line-separated fields and attributes whose arguments are strings, numbers, names,
 * function calls and arrays. Errors name the file, the line and the construct being read.
 */
final class PrismaParser {
    private final String file;
    private final List<PrismaToken> tokens;
    private int pos;
    /** Inside ( ) or [ ], line breaks are only spacing. */
    private int nesting;

    private PrismaParser(String file, List<PrismaToken> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    static List<Block> parse(String file, String text) {
        return new PrismaParser(file, PrismaLexer.tokens(file, text)).blocks();
    }

    private List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipNewlines();
            PrismaToken start = peek();
            if (start.kind() == Kind.END) return blocks;
            String keyword = identifier("top-level block", "a block keyword (model, enum, datasource, generator, type, view)");
            String construct = keyword + (peek().kind() == Kind.IDENTIFIER ? " " + peek().text() : "");
            switch (keyword) {
                case "model", "view" -> blocks.add(model(keyword, start.line()));
                case "enum" -> blocks.add(enumBlock(start.line()));
                case "datasource", "generator", "type" -> {
                    String name = identifier(construct, "a name");
                    skipBlock(construct);
                    blocks.add(new OtherBlock(keyword, name, file, start.line()));
                }
                default -> throw error(start, "top-level block '" + keyword + "'",
                        "unknown block keyword; expected model, enum, datasource, generator, type or view");
            }
        }
    }

    // --- models -----------------------------------------------------------------------------------

    private Model model(String keyword, int line) {
        String name = identifier(keyword, "a " + keyword + " name");
        String construct = keyword + " " + name;
        expect("{", construct);
        List<Field> fields = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        while (true) {
            skipNewlines();
            PrismaToken t = peek();
            if (t.is("}")) {
                next();
                return new Model(keyword, name, fields, attributes, file, line);
            }
            if (t.is("@@")) {
                next();
                attributes.add(attribute(construct, t.line()));
                endOfLine(construct);
            } else if (t.kind() == Kind.IDENTIFIER) {
                fields.add(field(name));
            } else {
                throw error(t, construct, "expected a field, a block attribute (@@) or '}' but found " + t.describe());
            }
        }
    }

    private Field field(String model) {
        PrismaToken nameToken = next();
        String construct = "field " + model + "." + nameToken.text();
        String type = dottedName(construct, "a type");
        List<Value> typeArgs = List.of();
        if (peek().is("(")) typeArgs = arguments(construct).stream().map(Argument::value).toList();
        boolean list = false;
        boolean optional = false;
        if (peek().is("[")) {
            next();
            expect("]", construct);
            list = true;
        }
        if (peek().is("?")) {
            next();
            optional = true;
        }
        List<Attribute> attributes = new ArrayList<>();
        while (peek().is("@")) {
            PrismaToken at = next();
            attributes.add(attribute(construct, at.line()));
        }
        endOfLine(construct);
        return new Field(nameToken.text(), type, typeArgs, optional, list, attributes, nameToken.line());
    }

    private Attribute attribute(String construct, int line) {
        String name = dottedName(construct, "an attribute name");
        List<Argument> arguments = peek().is("(") ? arguments(construct + " @" + name) : List.of();
        return new Attribute(name, arguments, line);
    }

    // --- enums ------------------------------------------------------------------------------------

    private EnumBlock enumBlock(int line) {
        String name = identifier("enum", "an enum name");
        String construct = "enum " + name;
        expect("{", construct);
        List<EnumValue> values = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        while (true) {
            skipNewlines();
            PrismaToken t = peek();
            if (t.is("}")) {
                next();
                return new EnumBlock(name, values, attributes, file, line);
            }
            if (t.is("@@")) {
                next();
                attributes.add(attribute(construct, t.line()));
            } else if (t.kind() == Kind.IDENTIFIER) {
                next();
                List<Attribute> valueAttributes = new ArrayList<>();
                while (peek().is("@")) {
                    PrismaToken at = next();
                    valueAttributes.add(attribute(construct + " value " + t.text(), at.line()));
                }
                values.add(new EnumValue(t.text(), valueAttributes, t.line()));
            } else {
                throw error(t, construct, "expected an enum value or '}' but found " + t.describe());
            }
            endOfLine(construct);
        }
    }

    // --- argument values --------------------------------------------------------------------------

    private List<Argument> arguments(String construct) {
        expect("(", construct);
        nesting++;
        List<Argument> arguments = new ArrayList<>();
        while (!peek().is(")")) {
            String name = null;
            if (peek().kind() == Kind.IDENTIFIER && peekAt(1).is(":")) {
                name = next().text();
                next();
            }
            arguments.add(new Argument(name, value(construct)));
            if (!peek().is(",")) break;
            next();
        }
        expect(")", construct);
        nesting--;
        return arguments;
    }

    private Value value(String construct) {
        PrismaToken t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                return new PrismaAst.Text(t.text());
            }
            case NUMBER -> {
                next();
                return new PrismaAst.Number(t.text());
            }
            case IDENTIFIER -> {
                String name = dottedName(construct, "a value");
                return peek().is("(") ? new PrismaAst.Call(name, arguments(construct)) : new PrismaAst.Name(name);
            }
            default -> {
                if (!t.is("[")) throw error(t, construct, "expected a value but found " + t.describe());
                next();
                nesting++;
                List<Value> items = new ArrayList<>();
                while (!peek().is("]")) {
                    items.add(value(construct));
                    if (!peek().is(",")) break;
                    next();
                }
                expect("]", construct);
                nesting--;
                return new PrismaAst.Array(items);
            }
        }
    }

    // --- tokens -----------------------------------------------------------------------------------

    private String dottedName(String construct, String what) {
        StringBuilder name = new StringBuilder(identifier(construct, what));
        while (peek().is(".")) {
            next();
            name.append('.').append(identifier(construct, what));
        }
        return name.toString();
    }

    private String identifier(String construct, String what) {
        PrismaToken t = peek();
        if (t.kind() != Kind.IDENTIFIER) throw error(t, construct, "expected " + what + " but found " + t.describe());
        return next().text();
    }

    private void expect(String symbol, String construct) {
        PrismaToken t = peek();
        if (!t.is(symbol)) throw error(t, construct, "expected '" + symbol + "' but found " + t.describe());
        next();
    }

    /** A field, attribute or enum value ends at a line break (or at the block's closing brace). */
    private void endOfLine(String construct) {
        PrismaToken t = peek();
        if (t.kind() == Kind.NEWLINE || t.is("}")) return;
        throw error(t, construct, "expected the end of the line but found " + t.describe());
    }

    private void skipBlock(String construct) {
        expect("{", construct);
        int depth = 1;
        while (depth > 0) {
            PrismaToken t = next();
            if (t.kind() == Kind.END) throw error(t, construct, "missing '}'");
            if (t.is("{")) depth++;
            if (t.is("}")) depth--;
        }
    }

    private void skipNewlines() {
        while (tokens.get(pos).kind() == Kind.NEWLINE) pos++;
    }

    private PrismaToken peek() {
        if (nesting > 0) skipNewlines();
        return tokens.get(pos);
    }

    private PrismaToken peekAt(int ahead) {
        int i = pos;
        for (int seen = 0; ; i++) {
            if (tokens.get(i).kind() == Kind.END) return tokens.get(i);
            if (nesting > 0 && tokens.get(i).kind() == Kind.NEWLINE) continue;
            if (seen++ == ahead) return tokens.get(i);
        }
    }

    private PrismaToken next() {
        PrismaToken t = peek();
        if (t.kind() != Kind.END) pos++;
        return t;
    }

    private SourceException error(PrismaToken at, String construct, String problem) {
        return new SourceException(file, at.line(), construct, problem);
    }
}
