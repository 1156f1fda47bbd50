package io.seedfleet.core.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.seedfleet.core.definition.DefinitionLocations.Position;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML text into one JSON tree per document, recording where every key and value was written:
 * Jackson's YAML parser is walked token by token because a bound tree no longer knows its lines.
 * Syntax errors and duplicate keys become {@link DefinitionProblem}s with the line and column.
 * Anchors, aliases and merge keys ({@code <<: *base}) are resolved here: Jackson's parser reports an
 * alias as the anchor's name, which would bind silently as a string.
 */
final class DefinitionYaml {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A document's tree and locations, or (when it cannot be parsed) the syntax problem. */
    record Document(JsonNode tree, DefinitionLocations locations) {}

    private final String source;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();

    private DefinitionYaml(String source) {
        this.source = source;
    }

    /** Every non-empty document of {@code yaml}; throws with the problems of the first document that has any. */
    static List<Document> parse(String source, String yaml) {
        DefinitionYaml reader = new DefinitionYaml(source);
        List<Document> documents = new ArrayList<>();
        try (JsonParser p = YAML.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                DefinitionLocations locations = new DefinitionLocations(source);
                JsonNode tree = reader.value(p, DefinitionPath.ROOT, locations);
                if (!reader.problems.isEmpty()) throw new DefinitionException(reader.problems);
                // An empty document (a stray "---" at the end) holds nothing to read.
                if (!tree.isNull() && !(tree.isTextual() && tree.asText().isBlank())) documents.add(new Document(tree, locations));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DefinitionException d) throw d;
            throw new DefinitionException(List.of(reader.syntaxProblem(e)), e);
        }
        return documents;
    }

    private JsonNode value(JsonParser p, DefinitionPath path, DefinitionLocations locations) throws IOException {
        Position at = position(p.currentTokenLocation());
        locations.recordValue(path.pointer(), at);
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            JsonNode anchored = anchors.get(p.getText());
            if (anchored != null) return anchored.deepCopy();
            problems.add(new DefinitionProblem(source, at.line(), at.column(), path.display(), "no anchor &" + p.getText()));
            return NODES.nullNode();
        }
        String anchor = p.getObjectId() instanceof String name ? name : null;
        JsonNode node = node(p, path, locations);
        if (anchor != null) anchors.put(anchor, node.deepCopy());
        return node;
    }

    private JsonNode node(JsonParser p, DefinitionPath path, DefinitionLocations locations) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                List<JsonNode> merged = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Position keyAt = position(p.currentTokenLocation());
                    if (name.equals("<<")) {
                        p.nextToken();
                        // Merged keys point at the mapping that merges them; the alias's own position is not kept.
                        JsonNode base = value(p, path, new DefinitionLocations(source));
                        if (base.isObject()) merged.add(base);
                        else if (base.isArray()) base.forEach(merged::add);
                        if (merged.stream().anyMatch(m -> !m.isObject()) || !(base.isObject() || base.isArray())) {
                            problems.add(new DefinitionProblem(source, keyAt.line(), keyAt.column(), path.display(),
                                    "<< merges a mapping (or a list of them), such as <<: *base"));
                            merged.removeIf(m -> !m.isObject());
                        }
                        continue;
                    }
                    DefinitionPath child = path.key(name);
                    if (object.has(name)) {
                        problems.add(new DefinitionProblem(source, keyAt.line(), keyAt.column(), path.display(),
                                "duplicate key '" + name + "'"));
                    }
                    locations.recordKey(child.pointer(), keyAt);
                    p.nextToken();
                    object.set(name, value(p, child, locations));
                }
                // Keys written in the mapping win over merged ones; earlier merges win over later ones.
                for (JsonNode base : merged) {
                    base.fields().forEachRemaining(e -> {
                        if (!object.has(e.getKey())) object.set(e.getKey(), e.getValue().deepCopy());
                    });
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) array.add(value(p, path.index(i++), locations));
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal d = p.getDecimalValue();
                return NODES.numberNode(d.doubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                Position at = position(p.currentTokenLocation());
                problems.add(new DefinitionProblem(source, at.line(), at.column(), path.display(),
                        "unsupported YAML value (" + p.currentToken() + ")"));
                p.skipChildren();
                return NODES.nullNode();
            }
        }
    }

    private DefinitionProblem syntaxProblem(Exception e) {
        // SnakeYAML knows where the problem is (its "problem mark"); Jackson's own location is where it stopped.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
                var mark = marked.getProblemMark();
                String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
                String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
                return new DefinitionProblem(source, mark.getLine() + 1, mark.getColumn() + 1, "", "YAML syntax: " + problem + context);
            }
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            JsonLocation l = j.getLocation();
            return new DefinitionProblem(source, l.getLineNr(), l.getColumnNr(), "", "YAML syntax: " + j.getOriginalMessage());
        }
        return new DefinitionProblem(source, 0, 0, "", "cannot read YAML: " + e.getMessage());
    }

    private static Position position(JsonLocation l) {
        return new Position(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }
}
