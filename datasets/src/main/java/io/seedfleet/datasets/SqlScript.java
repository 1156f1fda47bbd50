package io.seedfleet.datasets;

import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements at semicolons outside quotes and comments (values may hold ";" and newlines). */
final class SqlScript {
    private SqlScript() {}

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (!single && !dbl && ch == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                while (i < script.length() && script.charAt(i) != '\n') i++;
                continue;
            }
            if (ch == '\'' && !dbl) single = !single;
            else if (ch == '"' && !single) dbl = !dbl;
            if (ch == ';' && !single && !dbl) {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) statements.add(text);
    }
}
