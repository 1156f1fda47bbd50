package io.seedfleet.sources.document;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a JSON Schema file (draft-04, draft-06, draft-07, 2019-09 or 2020-12) as one document type,
 * named after the file.
 */
public final class JsonSchemaReader {
    private static final Set<String> DIALECTS = Set.of(
            "http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-07/schema",
            "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2020-12/schema");

    private JsonSchemaReader() {}

    public static DocumentSchema read(Path file) {
        SchemaTree tree = SchemaTree.load(file);
        if (!tree.root().isObject()) throw tree.error("", "a JSON Schema must be an object");
        String dialect = tree.root().path("$schema").asText("");
        String normalised = dialect.replaceAll("#$", "");
        if (!dialect.isEmpty() && !DIALECTS.contains(normalised)) {
            throw tree.error("/$schema", "unknown JSON Schema dialect " + dialect + "; draft-04, -06, -07, 2019-09 and 2020-12 are read");
        }
        Projector projector = new Projector(tree, Projector.Flavor.JSON_SCHEMA);
        projector.addType(typeName(file), "");
        return projector.build();
    }

    /** The file's name without its extension, as an identifier. */
    static String typeName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String id = stem.replaceAll("[^A-Za-z0-9_]+", "_");
        return id.isEmpty() ? "document" : id;
    }
}
