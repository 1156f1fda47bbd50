package io.seedfleet.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * Text surgery on CHECK constraints as {@code pg_get_constraintdef} prints them. It works on the
 * server's own deparsed output, which is regular (no comments, no dollar quoting), not on
 * hand-written SQL.
 */
final class PostgresCheckText {
    private PostgresCheckText() {}

    private static final String PREFIX = "CHECK (";
    private static final String NOT_ENFORCED = " NOT ENFORCED";
    /** Trailing options that say how the constraint is kept, not what it requires. */
    private static final List<String> SUFFIXES = List.of(" NOT VALID", " NO INHERIT", NOT_ENFORCED);

    /**
     * The expression of a CHECK constraint definition: {@code CHECK ((price > 0)) NOT VALID} gives
     * {@code (price > 0)}. NOT VALID constraints still hold for every new row, so they are kept; a
     * NOT ENFORCED one (PostgreSQL 18) holds for nothing and gives empty.
     */
    static Optional<String> expression(String definition) {
        String text = definition.strip();
        boolean enforced = true;
        for (boolean stripped = true; stripped; ) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (text.endsWith(suffix)) {
                    enforced &= !suffix.equals(NOT_ENFORCED);
                    text = text.substring(0, text.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        if (!text.startsWith(PREFIX) || !text.endsWith(")")) {
            throw new IllegalArgumentException("not a CHECK constraint definition: " + definition);
        }
        return enforced ? Optional.of(text.substring(PREFIX.length(), text.length() - 1)) : Optional.empty();
    }

    /**
     * Replaces the keyword VALUE of a domain constraint by {@code replacement}, leaving string
     * literals, quoted identifiers and words that merely contain VALUE (value_count) alone.
     */
    static String replaceValueKeyword(String expression, String replacement) {
        StringBuilder out = new StringBuilder(expression.length() + replacement.length());
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            int end;
            if (c == '\'') {
                end = QuotedTokens.endOrTextEnd(expression, i, isEscapeStringPrefix(expression, i));
            } else if (c == '"') {
                end = QuotedTokens.endOrTextEnd(expression, i, false);
            } else if (isWordChar(c)) {
                end = endOfWord(expression, i);
                if (expression.substring(i, end).equalsIgnoreCase("VALUE") && !followsDot(expression, i)) {
                    out.append(replacement);
                    i = end;
                    continue;
                }
            } else {
                end = i + 1;
            }
            out.append(expression, i, end);
            i = end;
        }
        return out.toString();
    }

    /** E'...' strings treat backslash as an escape character. */
    private static boolean isEscapeStringPrefix(String text, int quote) {
        return quote > 0 && (text.charAt(quote - 1) == 'E' || text.charAt(quote - 1) == 'e')
                && (quote == 1 || !isWordChar(text.charAt(quote - 2)));
    }

    private static int endOfWord(String text, int start) {
        int i = start;
        while (i < text.length() && isWordChar(text.charAt(i))) i++;
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** {@code (VALUE).field} keeps the keyword; {@code t.value} is a field, not the keyword. */
    private static boolean followsDot(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        return i >= 0 && text.charAt(i) == '.';
    }
}
