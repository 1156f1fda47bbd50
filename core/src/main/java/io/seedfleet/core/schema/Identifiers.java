package io.seedfleet.core.schema;

import java.util.List;
import java.util.stream.Collectors;

/** SQL identifier quoting. Every identifier Seedfleet puts into a statement goes through here. */
public final class Identifiers {
    private Identifiers() {}

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** A string literal, for the rare statements (such as setval) that take a name as text. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
