package io.seedfleet.datasets;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF-free "\n" line ends, fields quoted when they must be. NULL is an empty
 * unquoted field and the empty string is {@code ""}, the convention PostgreSQL's COPY (FORMAT csv) reads.
 */
final class CsvRows {
    private CsvRows() {}

    static void row(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.write(',');
            field(out, values.get(i));
        }
        out.write('\n');
    }

    private static void field(Writer out, String value) throws IOException {
        if (value == null) return;
        if (needsQuotes(value)) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
    }

    /** Also backslashes: a lone {@code \.} line would end COPY's data early. And edge spaces, which some readers trim. */
    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) return true;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r' || ch == '\\') return true;
        }
        return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
    }
}
