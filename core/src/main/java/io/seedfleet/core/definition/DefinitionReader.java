package io.seedfleet.core.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads data definition files: YAML, one definition per {@code ---} document, bound strictly onto
 * {@link DataDefinition} (an unknown key, a value of the wrong type, a null, a missing required key
 * are errors, not ignored). Every error is a {@link DefinitionException} naming file, line and column;
 * all the problems of a document are reported together.
 */
public final class DefinitionReader {
    private DefinitionReader() {}

    /** Strict binding: no unknown keys and no silent coercion between strings, numbers and booleans. */
    private static final ObjectMapper MAPPER = strictMapper();

    /** Where a null is a value (a {@code where} match, a generator parameter) rather than a missing one. */
    private static final Pattern NULL_ALLOWED = Pattern.compile(
            ".*/fields/[^/]+/(params/.*|reference/where/[^/]+)|/spec/masking/[^/]+/[^/]+/params/.*");

    /** The most problems one document reports; binding is retried after each, so this bounds the work. */
    private static final int MAX_PROBLEMS = 50;

    public static List<DataDefinition> read(Path file) {
        return readDocuments(file).stream().map(DefinitionDocument::definition).toList();
    }

    public static List<DataDefinition> read(String sourceName, String yaml) {
        return readDocuments(sourceName, yaml).stream().map(DefinitionDocument::definition).toList();
    }

    /** A file that must hold exactly one definition. */
    public static DefinitionDocument readOne(Path file) {
        List<DefinitionDocument> documents = readDocuments(file);
        if (documents.size() != 1) {
            throw new DefinitionException(new DefinitionProblem(file.toString(), 0, 0, "",
                    "expected one definition, found " + documents.size()));
        }
        return documents.get(0);
    }

    public static List<DefinitionDocument> readDocuments(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return readDocuments(file.toString(), yaml);
    }

    /** The definitions in {@code yaml} with their locations, for {@link DefinitionChecker}. */
    public static List<DefinitionDocument> readDocuments(String sourceName, String yaml) {
        List<DefinitionDocument> documents = new ArrayList<>();
        for (DefinitionYaml.Document document : DefinitionYaml.parse(sourceName, yaml)) {
            documents.add(bind(document.tree(), document.locations()));
        }
        return documents;
    }

    private static DefinitionDocument bind(JsonNode tree, DefinitionLocations at) {
        if (!tree.isObject()) {
            throw new DefinitionException(at.atValue(DefinitionPath.ROOT,
                    "expected a mapping with apiVersion, kind, metadata and spec"));
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        header(tree, at, problems);
        List<DefinitionPath> nulls = new ArrayList<>();
        nulls(tree, DefinitionPath.ROOT, nulls);
        ObjectNode working = (ObjectNode) tree.deepCopy();
        for (DefinitionPath empty : nulls) {
            problems.add(at.atValue(empty, "no value; give one or remove the key"));
            remove(working, empty.pointer());
        }
        DataDefinition definition = null;
        Set<String> reported = new HashSet<>();
        while (definition == null && problems.size() < MAX_PROBLEMS) {
            try {
                definition = MAPPER.treeToValue(working, DataDefinition.class);
            } catch (JsonMappingException e) {
                DefinitionPath path = path(e.getPath());
                if (!reported.add(path.pointer())) break;
                problems.add(problem(e, path, tree, at));
                // Drop what failed and bind again, so one run reports every bad key and value.
                if (!remove(working, path.pointer())) break;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(at.atValue(DefinitionPath.ROOT, e.getMessage()));
                break;
            }
        }
        // Shape checks on a tree that lost its bad keys would only echo them ("empty rule"): skip them then.
        if (definition != null && problems.isEmpty()) problems.addAll(DefinitionShape.check(definition, at));
        if (!problems.isEmpty() || definition == null) {
            if (problems.isEmpty()) problems.add(at.atValue(DefinitionPath.ROOT, "cannot read the definition"));
            throw new DefinitionException(sorted(problems));
        }
        return new DefinitionDocument(definition, at);
    }

    private static void header(JsonNode tree, DefinitionLocations at, List<DefinitionProblem> problems) {
        JsonNode apiVersion = tree.get("apiVersion");
        if (apiVersion == null) {
            problems.add(at.atValue(DefinitionPath.ROOT, "missing apiVersion; expected apiVersion: " + DataDefinition.API_VERSION));
        } else if (!DataDefinition.API_VERSION.equals(apiVersion.asText()) || !apiVersion.isTextual()) {
            problems.add(at.atValue(DefinitionPath.ROOT.key("apiVersion"),
                    "unsupported apiVersion '" + apiVersion.asText() + "'; expected " + DataDefinition.API_VERSION));
        }
        JsonNode kind = tree.get("kind");
        if (kind == null) {
            problems.add(at.atValue(DefinitionPath.ROOT, "missing kind; expected kind: " + DataDefinition.KIND));
        } else if (!DataDefinition.KIND.equals(kind.asText()) || !kind.isTextual()) {
            problems.add(at.atValue(DefinitionPath.ROOT.key("kind"),
                    "unsupported kind '" + kind.asText() + "'; expected " + DataDefinition.KIND));
        }
    }

    /** A key with no value ({@code rows:}) is almost always a mistake; the records could not tell it from an absent key. */
    private static void nulls(JsonNode node, DefinitionPath path, List<DefinitionPath> found) {
        if (node.isNull()) {
            if (!NULL_ALLOWED.matcher(path.pointer()).matches()) found.add(path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                nulls(e.getValue(), path.key(e.getKey()), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) nulls(node.get(i), path.index(i), found);
        }
    }

    private static DefinitionProblem problem(JsonMappingException e, DefinitionPath path, JsonNode tree, DefinitionLocations at) {
        if (e instanceof UnrecognizedPropertyException u) {
            // Shown at the key itself, under the path of the mapping that does not know it.
            DefinitionLocations.Position p = at.key(path.pointer());
            return new DefinitionProblem(at.source(), p.line(), p.column(), parentOf(e.getPath()).display(),
                    "unknown key '" + u.getPropertyName() + "'; expected one of " + String.join(", ", known(u)));
        }
        if (e instanceof ValueInstantiationException) {
            String cause = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
            return at.atValue(path, "cannot read this value: " + cause);
        }
        JsonNode found = tree.at(path.pointer());
        if (found.isMissingNode() && !path.pointer().isEmpty()) {
            String key = path.display().substring(path.display().lastIndexOf('.') + 1);
            return at.atValue(parentOf(e.getPath()), "missing " + key);
        }
        String expected = e instanceof MismatchedInputException m && m.getTargetType() != null ? describe(m.getTargetType()) : "another value";
        return at.atValue(path, "expected " + expected + ", found " + describe(found));
    }

    private static List<String> known(UnrecognizedPropertyException u) {
        Class<?> owner = u.getReferringClass();
        if (owner != null && owner.isRecord()) {
            return Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        Collection<Object> ids = u.getKnownPropertyIds();
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "an integer";
        if (type == Double.class || type == double.class) return "a number";
        if (type == String.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (List.class.isAssignableFrom(type)) return "a list";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping";
        return "a value";
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isTextual()) return node.asText().isEmpty() ? "no value" : "the string '" + node.asText() + "'";
        if (node.isIntegralNumber()) return "the integer " + node.asText();
        if (node.isNumber()) return "the number " + node.asText();
        if (node.isBoolean()) return node.asText();
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a mapping";
        return node.getNodeType().name().toLowerCase();
    }

    private static DefinitionPath path(List<JsonMappingException.Reference> references) {
        DefinitionPath path = DefinitionPath.ROOT;
        for (JsonMappingException.Reference r : references) {
            path = r.getFieldName() != null ? path.key(r.getFieldName()) : path.index(r.getIndex());
        }
        return path;
    }

    private static DefinitionPath parentOf(List<JsonMappingException.Reference> references) {
        return path(references.subList(0, Math.max(0, references.size() - 1)));
    }

    /** Removes the value at {@code pointer} (a list item becomes null, keeping its neighbours' indexes). */
    private static boolean remove(ObjectNode root, String pointer) {
        if (pointer.isEmpty()) return false;
        JsonNode parent = root.at(DefinitionPath.parentPointer(pointer));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
            return true;
        }
        if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i < a.size() && !a.get(i).isNull()) {
                a.set(i, a.nullNode());
                return true;
            }
        }
        return false;
    }

    private static List<DefinitionProblem> sorted(List<DefinitionProblem> problems) {
        return problems.stream().sorted((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column())).collect(Collectors.toList());
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A group without count would otherwise bind as 0 rows.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
