package io.seedfleet.sources.ddl;

import io.seedfleet.core.schema.QuotedTokens;
import io.seedfleet.core.schema.SourceException;
import java.util.ArrayList;
import java.util.List;

/**
 * A MySQL script split into statements the way the {@code mysql}/{@code mariadb} client splits it:
 * at the current delimiter ({@code ;} until a {@code DELIMITER} line changes it, so trigger and
 * procedure bodies stay whole), never inside a quoted string or identifier ({@code '...'},
 * {@code "..."}, {@code `...`}, backslash escapes included) or a comment ({@code -- }, {@code #},
 * {@code /* *}{@code /}). Comments stay in the statement text; the server ignores them and runs the
 * executable ones ({@code /*!50705 ... *}{@code /}) as it would for the client.
 */
final class MysqlDdlFilesScript {

    /** One statement without its delimiter; {@code line} (1-based) is where its first character is. */
    record Statement(String sql, int line) {
        String head() {
            String oneLine = sql.replaceAll("\\s+", " ").strip();
            return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
        }
    }

    private MysqlDdlFilesScript() {}

    static List<Statement> split(String file, String text) {
        List<Statement> statements = new ArrayList<>();
        String delimiter = ";";
        int line = 1;
        int start = -1;
        int startLine = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (start < 0 && isLineStart(text, i) && startsWithWord(text, i, "DELIMITER")) {
                int end = lineEnd(text, i);
                String value = text.substring(i + "DELIMITER".length(), end).strip();
                if (value.isEmpty() || value.contains("\\")) {
                    throw new SourceException(file, line, "DELIMITER", "needs a delimiter without backslashes");
                }
                delimiter = value;
                i = end;
                continue;
            }
            if (start >= 0 && text.startsWith(delimiter, i)) {
                statements.add(new Statement(text.substring(start, i).strip(), startLine));
                start = -1;
                i += delimiter.length();
                continue;
            }
            int end;
            boolean content = true;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoted(file, text, i, c, c != '`', line);
            } else if (isLineComment(text, i)) {
                end = lineEnd(text, i);
                content = false;
            } else if (c == '/' && text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                if (end < 0) throw new SourceException(file, line, "/*", "comment is never closed");
                end += 2;
                // executable comments (/*!50705 ... */, /*M! ... */) are statement text the server runs
                content = text.startsWith("/*!", i) || text.startsWith("/*M!", i);
            } else {
                end = i + 1;
                content = !Character.isWhitespace(c);
            }
            // Comments before a statement are not part of it: a statement starts at its first word.
            if (start < 0 && content) {
                start = i;
                startLine = line;
            }
            line += count(text, i, end);
            i = end;
        }
        if (start >= 0) statements.add(new Statement(text.substring(start).strip(), startLine));
        return statements;
    }

    /** {@code # ...}, and {@code -- ...} where the dashes are followed by a blank or the end of the line, as MySQL reads them. */
    private static boolean isLineComment(String text, int i) {
        if (text.charAt(i) == '#') return true;
        if (!text.startsWith("--", i)) return false;
        return i + 2 == text.length() || Character.isWhitespace(text.charAt(i + 2));
    }

    private static boolean isLineStart(String text, int i) {
        for (int j = i - 1; j >= 0 && text.charAt(j) != '\n'; j--) if (!Character.isWhitespace(text.charAt(j))) return false;
        return true;
    }

    private static boolean startsWithWord(String text, int i, String word) {
        return text.regionMatches(true, i, word, 0, word.length())
                && (i + word.length() == text.length() || Character.isWhitespace(text.charAt(i + word.length())));
    }

    private static int quoted(String file, String text, int start, char quote, boolean backslashEscapes, int line) {
        int end = QuotedTokens.end(text, start, backslashEscapes);
        if (end < 0) throw new SourceException(file, line, String.valueOf(quote), (quote == '`' ? "identifier" : "string") + " is never closed");
        return end;
    }

    private static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) if (text.charAt(i) == '\n') lines++;
        return lines;
    }

}
