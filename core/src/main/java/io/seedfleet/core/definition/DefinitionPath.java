package io.seedfleet.core.definition;

/**
 * Where a value sits in a definition document, in two spellings: a JSON pointer (the key of
 * {@link DefinitionLocations}) and the dotted form messages show ({@code spec.tables.users.fields.email},
 * {@code spec.validations[2]}). Built segment by segment, so a table key holding a dot stays one segment.
 */
public record DefinitionPath(String pointer, String display) {

    public static final DefinitionPath ROOT = new DefinitionPath("", "");

    public DefinitionPath key(String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return new DefinitionPath(pointer + "/" + escaped, display.isEmpty() ? name : display + "." + name);
    }

    public DefinitionPath index(int i) {
        return new DefinitionPath(pointer + "/" + i, display + "[" + i + "]");
    }

    /** The pointer of the enclosing value ({@code ""} for the root and its children's parent). */
    static String parentPointer(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
