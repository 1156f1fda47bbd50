package io.seedfleet.sources.ddl;

import io.seedfleet.core.schema.QuotedTokens;
import io.seedfleet.core.schema.SourceException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL script split into statements, each with the line it starts on, so a statement the
 * server refuses can be reported as {@code file:line}. Knows what can hide a semicolon: quoted
 * strings (standard and {@code E''}), quoted identifiers, comments (nested block comments too) and
 * dollar-quoted bodies. The restrict and unrestrict lines of pg_dump 17.6+ and the data
 * of {@code COPY ... FROM stdin} blocks are skipped (only the schema matters here); any other psql
 * meta-command is refused, since running the file without psql would not do what it says.
 */
final class SqlScript {

    /** One statement, without its terminating semicolon; {@code line} is 1-based. */
    record Statement(String sql, int line) {
        String head() {
            String oneLine = sql.replaceAll("\\s+", " ").strip();
            return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
        }

        boolean isCopyFromStdin() {
            return sql.matches("(?is)\\s*COPY\\s.*\\sFROM\\s+stdin.*");
        }
    }

    private SqlScript() {}

    static List<Statement> split(String file, String text) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean atLineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (atLineStart && c == '\\' && current.toString().isBlank()) {
                int end = lineEnd(text, i);
                String command = text.substring(i, end).strip();
                if (!command.matches("\\\\(un)?restrict\\b.*")) {
                    throw new SourceException(file, line, command.split("\\s+")[0], "psql meta-command; run the file through psql, or remove it");
                }
                i = end;
                continue;
            }
            if (Character.isWhitespace(c) && current.isEmpty()) {
                if (c == '\n') line++;
                i++;
                continue;
            }
            int end = switch (c) {
                case '\'' -> QuotedTokens.end(text, i, i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e'));
                case '"' -> QuotedTokens.end(text, i, false);
                case '-' -> i + 1 < n && text.charAt(i + 1) == '-' ? lineEnd(text, i) : i + 1;
                case '/' -> i + 1 < n && text.charAt(i + 1) == '*' ? blockCommentEnd(text, i) : i + 1;
                case '$' -> dollarQuoted(text, i);
                default -> i + 1;
            };
            if (end < 0) throw new SourceException(file, line, head(text, i), "unterminated " + describe(c));
            boolean comment = (c == '-' || c == '/') && end > i + 1;
            if (comment && current.isEmpty()) { // a comment between statements belongs to neither
                line += count(text, i, end);
                i = end;
                continue;
            }
            if (startLine < 0) startLine = line;
            if (c == ';') {
                Statement s = new Statement(current.toString(), startLine);
                if (!isOnlyComments(s.sql())) statements.add(s);
                current.setLength(0);
                startLine = -1;
                if (s.isCopyFromStdin()) {
                    int data = text.indexOf("\n\\.", i);
                    if (data < 0) throw new SourceException(file, s.line(), s.head(), "COPY data without its closing \\.");
                    line += count(text, i, data + 3);
                    i = data + 3;
                    continue;
                }
            } else {
                current.append(text, i, end);
            }
            line += count(text, i, end);
            i = end;
        }
        if (!current.toString().isBlank() && !isOnlyComments(current.toString())) {
            statements.add(new Statement(current.toString(), startLine));
        }
        return statements;
    }

    private static boolean isOnlyComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").isBlank();
    }

    private static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    private static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < text.length()) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}; a {@code $1} parameter or a {@code $} inside a name is not a quote. */
    private static int dollarQuoted(String text, int start) {
        if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) return start + 1;
        int tagEnd = start + 1;
        while (tagEnd < text.length() && (Character.isLetterOrDigit(text.charAt(tagEnd)) || text.charAt(tagEnd) == '_')) tagEnd++;
        if (tagEnd >= text.length() || text.charAt(tagEnd) != '$' || (tagEnd > start + 1 && Character.isDigit(text.charAt(start + 1)))) {
            return start + 1;
        }
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        return close < 0 ? -1 : close + tag.length();
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) if (text.charAt(i) == '\n') lines++;
        return lines;
    }

    private static String head(String text, int at) {
        return text.substring(at, Math.min(text.length(), lineEnd(text, at))).strip();
    }

    private static String describe(char c) {
        return switch (c) {
            case '\'' -> "string literal";
            case '"' -> "quoted identifier";
            case '/' -> "block comment";
            default -> "dollar-quoted string";
        };
    }
}
