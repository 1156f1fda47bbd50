package io.seedfleet.core.definition;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of one definition document was written: JSON pointer to 1-based line and
 * column. Kept while reading so that problems found later, against a schema, still point at the line.
 * A pointer not recorded (a definition built in code, or a value absent from the file) falls back to
 * its nearest recorded ancestor.
 */
public final class DefinitionLocations {

    public record Position(int line, int column) {
        public static final Position UNKNOWN = new Position(0, 0);
    }

    private final String source;
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();

    public DefinitionLocations(String source) {
        this.source = source;
    }

    /** Locations for a definition that was not read from a file: problems name the source alone. */
    public static DefinitionLocations none(String source) {
        return new DefinitionLocations(source);
    }

    public String source() {
        return source;
    }

    void recordKey(String pointer, Position position) {
        keys.put(pointer, position);
    }

    void recordValue(String pointer, Position position) {
        values.put(pointer, position);
    }

    /** Every key the document wrote, by the pointer of its value. */
    public Map<String, Position> keys() {
        return java.util.Collections.unmodifiableMap(keys);
    }

    /** Whether the document holds a value at {@code pointer}. */
    public boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    /** Where the key naming the value at {@code pointer} was written (its value's position for list items and the root). */
    public Position key(String pointer) {
        for (String p = pointer; ; p = DefinitionPath.parentPointer(p)) {
            Position found = keys.get(p);
            if (found == null) found = values.get(p);
            if (found != null) return found;
            if (p.isEmpty()) return Position.UNKNOWN;
        }
    }

    /** Where the value at {@code pointer} starts. */
    public Position value(String pointer) {
        Position found = values.get(pointer);
        return found != null ? found : key(pointer);
    }

    public DefinitionProblem atKey(DefinitionPath path, String message) {
        Position p = key(path.pointer());
        return new DefinitionProblem(source, p.line(), p.column(), path.display(), message);
    }

    public DefinitionProblem atValue(DefinitionPath path, String message) {
        Position p = value(path.pointer());
        return new DefinitionProblem(source, p.line(), p.column(), path.display(), message);
    }
}
