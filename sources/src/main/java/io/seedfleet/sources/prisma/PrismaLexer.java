package io.seedfleet.sources.prisma;

import io.seedfleet.core.schema.SourceException;
import io.seedfleet.sources.prisma.PrismaToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Prisma schema into tokens. Comments ({@code //} and documentation {@code ///}) are
 * dropped; line breaks are kept, since a field or block attribute ends at the end of its line.
 */
final class PrismaLexer {
    private static final String SYMBOLS = "{}()[],:=?.";

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;

    private PrismaLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static List<PrismaToken> tokens(String file, String text) {
        return new PrismaLexer(file, text).run();
    }

    private List<PrismaToken> run() {
        List<PrismaToken> tokens = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                tokens.add(new PrismaToken(Kind.NEWLINE, "\n", line++));
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (c == '"') {
                tokens.add(new PrismaToken(Kind.STRING, string(), line));
            } else if (c == '@') {
                boolean block = text.startsWith("@@", pos);
                tokens.add(new PrismaToken(Kind.SYMBOL, block ? "@@" : "@", line));
                pos += block ? 2 : 1;
            } else if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                int start = pos++;
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                        || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) pos++;
                tokens.add(new PrismaToken(Kind.NUMBER, text.substring(start, pos), line));
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
                tokens.add(new PrismaToken(Kind.IDENTIFIER, text.substring(start, pos), line));
            } else if (SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new PrismaToken(Kind.SYMBOL, String.valueOf(c), line));
                pos++;
            } else {
                throw new SourceException(file, line, "character '" + c + "'", "unexpected character in a Prisma schema");
            }
        }
        tokens.add(new PrismaToken(Kind.END, "", line));
        return tokens;
    }

    /** A double-quoted string with JSON-style escapes; it may not span lines. */
    private String string() {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return value.toString();
            if (c == '\n') break;
            if (c != '\\' || pos >= text.length()) {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'u' -> {
                    String hex = pos + 4 <= text.length() ? text.substring(pos, pos + 4) : "";
                    if (!hex.matches("[0-9a-fA-F]{4}")) throw new SourceException(file, startLine, "string", "malformed \\u escape");
                    value.append((char) Integer.parseInt(hex, 16));
                    pos += 4;
                }
                default -> value.append(escaped);
            }
        }
        throw new SourceException(file, startLine, "string", "unterminated string");
    }
}
