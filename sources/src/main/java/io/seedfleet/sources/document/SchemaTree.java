package io.seedfleet.sources.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seedfleet.core.schema.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A schema file as a Jackson tree, with the line of every value, so that problems found anywhere
 * in it are reported as file:line and the JSON pointer of the construct.
 */
final class SchemaTree {
    private final Path file;
    private final JsonNode root;
    private final LineIndex lines;

    SchemaTree(Path file, JsonNode root, LineIndex lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads a JSON file, or a YAML one when its name ends in .yaml or .yml. */
    static SchemaTree load(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        JsonFactory factory = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLFactory() : new JsonFactory();
        ObjectMapper mapper = new ObjectMapper(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        if (!Files.isRegularFile(file)) throw new SourceException(file.toString(), 0, null, "no such file");
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || root.isMissingNode()) throw new SourceException(file.toString(), 0, null, "the file is empty");
            LineIndex lines;
            try (JsonParser parser = factory.createParser(file.toFile())) {
                lines = LineIndex.of(parser);
            }
            return new SchemaTree(file, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(file.toString(), line, "syntax", e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The same file and lines over another tree of it (a parser's normalised form with the same pointers). */
    SchemaTree withRoot(JsonNode newRoot) {
        return new SchemaTree(file, newRoot, lines);
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The node at a JSON pointer ("" for the root); missing when there is none. */
    JsonNode at(String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    /** A problem with the construct at {@code pointer}. */
    SourceException error(String pointer, String problem) {
        return new SourceException(file.toString(), lines.line(pointer), pointer.isEmpty() ? "/" : pointer, problem);
    }

    int line(String pointer) {
        return lines.line(pointer);
    }
}
