package io.seedfleet.core.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text surgery on CHECK clauses as MySQL and MariaDB print them in information_schema: identifiers
 * in backticks become standard double-quoted identifiers (what the CHECK analyzer, the evaluator
 * and, under ANSI_QUOTES, the server itself read), and the columns a clause mentions are listed.
 * It works on the server's own output, which quotes every identifier and every string literal.
 */
final class MysqlCheckText {
    private MysqlCheckText() {}

    /** {@code `price` >= 0} becomes {@code "price" >= 0}; string literals are left as they are. */
    static String standardQuotes(String clause) {
        StringBuilder out = new StringBuilder(clause.length());
        int i = 0;
        while (i < clause.length()) {
            char c = clause.charAt(i);
            if (c == '\'') {
                int end = QuotedTokens.endOrTextEnd(clause, i, true);
                out.append(clause, i, end);
                i = end;
            } else if (c == '`') {
                int end = QuotedTokens.endOrTextEnd(clause, i, false);
                String name = clause.substring(i + 1, end - 1).replace("``", "`");
                out.append(Identifiers.quote(name));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The backticked identifiers of {@code clause} that are among {@code columns}, in order of appearance. */
    static List<String> mentionedColumns(String clause, List<String> columns) {
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < clause.length()) {
            char c = clause.charAt(i);
            if (c == '\'' || c == '`') {
                int end = QuotedTokens.endOrTextEnd(clause, i, c == '\'');
                if (c == '`') {
                    String name = clause.substring(i + 1, end - 1).replace("``", "`");
                    for (String column : columns) if (column.equalsIgnoreCase(name)) found.add(column);
                }
                i = end;
            } else {
                i++;
            }
        }
        return List.copyOf(found);
    }

    /** MariaDB's implicit CHECK of a JSON column: exactly {@code json_valid(`column`)}. */
    static boolean isJsonValid(String clause, String column) {
        return clause.strip().equalsIgnoreCase("json_valid(`" + column.replace("`", "``") + "`)");
    }
}
