package io.seedfleet.sources.prisma;

/** A token of a Prisma schema file, with the 1-based line it starts on. */
record PrismaToken(Kind kind, String text, int line) {

    enum Kind {
        IDENTIFIER, STRING, NUMBER,
        /** One of { } ( ) [ ] , : = ? . and the attribute markers @ and @@. */
        SYMBOL,
        /** Fields and attributes end at a line break, so line breaks are tokens. */
        NEWLINE,
        END
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String describe() {
        return switch (kind) {
            case NEWLINE -> "end of line";
            case END -> "end of file";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
