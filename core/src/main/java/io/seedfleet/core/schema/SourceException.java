package io.seedfleet.core.schema;

/**
 * A schema source that cannot be read: a malformed or unsupported file or catalog. Names where
 * ({@code source}: a file or a redacted URL; {@code line} where there is one, else 0) and what
 * ({@code construct}: the statement, model, type or keyword), so the message points the user at it.
 */
public class SourceException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final String construct;

    public SourceException(String source, int line, String construct, String problem) {
        this(source, line, construct, problem, null);
    }

    public SourceException(String source, int line, String construct, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + (construct == null || construct.isEmpty() ? "" : ": " + construct) + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.construct = construct;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String construct() {
        return construct;
    }
}
