package io.seedfleet.core.definition;

/**
 * One thing wrong with a definition: the file, the 1-based line and column it starts at (0 when the
 * definition was not read from text), the dotted path of the value and what is wrong with it.
 */
public record DefinitionProblem(String source, int line, int column, String path, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) s.append(':').append(line).append(':').append(column);
        if (path != null && !path.isEmpty()) s.append(": ").append(path);
        return s.append(": ").append(message).toString();
    }
}
