package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds a schema's {@code $ref} (a JSON pointer within the same file) and {@code allOf} into one
 * schema, keeping the chain of references followed to reach it: a reference back into that chain is
 * a recursion, returned as such for the caller to cut or refuse.
 */
final class RefResolver {
    private static final Set<String> STRUCTURE = Set.of("properties", "items", "prefixItems", "oneOf", "anyOf", "allOf");

    /** A schema with its $ref and allOf folded in; {@code cycle} names the $ref that would recurse. */
    record Resolved(ObjectNode node, String pointer, List<String> refs, String cycle) {
        boolean isCycle() {
            return cycle != null;
        }
    }

    private final SchemaTree tree;

    RefResolver(SchemaTree tree) {
        this.tree = tree;
    }

    Resolved resolve(JsonNode raw, String pointer, List<String> refs) {
        if (raw == null || raw.isMissingNode()) return new Resolved(JsonNodeFactory.instance.objectNode(), pointer, refs, null);
        if (raw.isBoolean()) {
            if (raw.booleanValue()) return new Resolved(JsonNodeFactory.instance.objectNode(), pointer, refs, null);
            throw tree.error(pointer, "the schema false allows no value at all");
        }
        if (!raw.isObject()) throw tree.error(pointer, "a schema must be an object, not " + raw.getNodeType().name().toLowerCase());
        ObjectNode node = ((ObjectNode) raw).deepCopy();
        List<String> chain = refs;
        String where = pointer;
        JsonNode ref = node.remove("$ref");
        if (ref != null) {
            if (!ref.isTextual()) throw tree.error(pointer + "/$ref", "$ref must be a string");
            String target = localPointer(ref.asText(), pointer + "/$ref");
            if (refs.contains(target)) return new Resolved(null, pointer, refs, ref.asText());
            JsonNode targetNode = tree.at(target);
            if (targetNode.isMissingNode()) throw tree.error(pointer + "/$ref", "$ref " + ref.asText() + " points at nothing in this file");
            Resolved resolved = resolve(targetNode, target, append(refs, target));
            if (resolved.isCycle()) return resolved;
            // Errors inside point into the target, unless the siblings of $ref add structure of their own.
            boolean siblingsStructure = STRUCTURE.stream().anyMatch(node::has);
            node = SchemaMerge.merge(resolved.node(), node);
            chain = resolved.refs();
            where = siblingsStructure ? pointer : resolved.pointer();
        }
        JsonNode allOf = node.remove("allOf");
        if (allOf != null) {
            if (!allOf.isArray()) throw tree.error(pointer + "/allOf", "allOf must be a list of schemas");
            Set<String> union = new LinkedHashSet<>(chain);
            for (int i = 0; i < allOf.size(); i++) {
                Resolved part = resolve(allOf.get(i), pointer + "/allOf/" + i, chain);
                if (part.isCycle()) return part;
                node = SchemaMerge.merge(node, part.node());
                union.addAll(part.refs());
            }
            chain = List.copyOf(union);
        }
        return new Resolved(node, where, chain, null);
    }

    /** A $ref as a JSON pointer into this file: "#/..." or the file's own $id followed by "#/...". */
    private String localPointer(String ref, String where) {
        int hash = ref.indexOf('#');
        String base = hash < 0 ? ref : ref.substring(0, hash);
        String id = tree.root().path("$id").asText(tree.root().path("id").asText(""));
        if (!base.isEmpty() && !base.equals(id) && !(id.contains("#") && id.startsWith(base))) {
            throw tree.error(where, "$ref " + ref + " points outside this file; only references within it are supported");
        }
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            throw tree.error(where, "$ref " + ref + " uses an anchor; only JSON-pointer references are supported");
        }
        return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
