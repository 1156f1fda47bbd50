package io.seedfleet.core.schema;

/**
 * Where a quoted token of SQL text ends ({@code 'string'}, {@code "identifier"}, {@code `identifier`}),
 * for the scanners that must step over quoted text whole: the CHECK clause rewriters and the DDL
 * script splitters.
 */
public final class QuotedTokens {
    private QuotedTokens() {}

    /**
     * The index just past the quoted token that opens at {@code start}, whose character there is the
     * quote; inside, a doubled quote is an escaped quote and, when {@code backslashEscapes}, a
     * backslash escapes the character after it. -1 when the token is never closed.
     */
    public static int end(String text, int start, boolean backslashEscapes) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** As {@link #end}, but a token never closed runs to the end of the text: for a server's own output, which closes them all. */
    public static int endOrTextEnd(String text, int start, boolean backslashEscapes) {
        int end = end(text, start, backslashEscapes);
        return end < 0 ? text.length() : end;
    }
}
