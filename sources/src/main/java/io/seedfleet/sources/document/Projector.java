package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.sources.document.DocumentSchema.Dialect;
import io.seedfleet.sources.document.DocumentSchema.DocumentType;
import io.seedfleet.sources.document.RefResolver.Resolved;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projects document schemas (JSON Schema, an OpenAPI schema object, a MongoDB $jsonSchema) onto
 * tables the engine fills, and records the {@link Shape} that nests their rows back.
 * <ul>
 * <li>An object's scalar properties are columns of its table; a nested object is flattened into
 * the same table (columns {@code a.b}), so that one row holds one document's values and the
 * engine's per-row correlations (a person's name and email) carry across nesting levels.</li>
 * <li>An array is a child table (foreign key to the parent row, ordinal); its elements, objects or
 * scalars, are that table's rows, so every element constraint (enum, format, bounds) is the
 * engine's to meet.</li>
 * <li>oneOf/anyOf: a selector column picks one branch per row; each branch's columns are its own.</li>
 * <li>Recursive {@code $ref}s are cut where a property or array may be left out, refused where not.</li>
 * </ul>
 */
final class Projector {
    static final String SCHEMA = "document";
    private static final Set<String> NOT_ENFORCED = Set.of("not", "if", "dependencies", "dependentRequired", "dependentSchemas",
            "contains", "minProperties", "maxProperties", "patternProperties", "propertyNames");
    /** The flavour of schema: which keywords carry types. */
    enum Flavor { JSON_SCHEMA, OPENAPI, MONGODB }

    private final SchemaTree tree;
    private final Flavor flavor;
    private final Map<QualifiedName, TableBuilder> tables = new LinkedHashMap<>();
    private final List<SchemaModel.Unsupported> unsupported = new ArrayList<>();
    private final List<DocumentType> types = new ArrayList<>();
    private final RefResolver refs;
    private final ScalarColumns scalars;

    Projector(SchemaTree tree, Flavor flavor) {
        this.tree = tree;
        this.flavor = flavor;
        this.refs = new RefResolver(tree);
        this.scalars = new ScalarColumns(tree, flavor, unsupported);
    }

    /** Adds a document type whose schema is the node at {@code pointer}. */
    void addType(String typeName, String pointer) {
        QualifiedName rootName = new QualifiedName(SCHEMA, typeName);
        TableBuilder root = table(rootName, null, "value", pointer);
        Resolved sub = refs.resolve(tree.at(pointer), pointer, List.of());
        Shape shape = value(root, "", sub, true);
        types.add(new DocumentType(typeName, rootName, shape));
    }

    DocumentSchema build() {
        SchemaModel model = new SchemaModel(tables.values().stream().map(TableBuilder::build).toList(), List.of(), List.of(), unsupported);
        return new DocumentSchema(model, types, flavor == Flavor.MONGODB ? Dialect.MONGODB_EXTENDED_JSON : Dialect.JSON);
    }

    // ---- values ---------------------------------------------------------------------------------

    /** The shape of one value at {@code path} of table {@code t}; null when it is left out (a cut recursion). */
    private Shape value(TableBuilder t, String path, Resolved sub, boolean required) {
        if (sub.isCycle()) {
            if (!required) {
                unsupported.add(new SchemaModel.Unsupported(sub.pointer(), "$ref", "recursive reference " + sub.cycle()
                        + " cut here: this optional property is never generated"));
                return null;
            }
            throw tree.error(sub.pointer(), "recursive $ref " + sub.cycle() + " is required at every level, so no finite document satisfies it");
        }
        ObjectNode n = sub.node();
        String pointer = sub.pointer();
        for (String keyword : NOT_ENFORCED) {
            if (n.has(keyword)) {
                unsupported.add(new SchemaModel.Unsupported(pointer, keyword, "not enforced: generated documents may break it"));
            }
        }
        for (String dynamic : List.of("$dynamicRef", "$recursiveRef")) {
            if (n.has(dynamic)) return scalars.leftOut(pointer, dynamic, dynamic + " is not supported", required);
        }
        boolean nullable = allowsNull(n);
        if (n.has("oneOf") || n.has("anyOf")) return choice(t, path, sub, required, nullable);
        if (n.has("const")) return scalars.label(t, columnName(t, path), n, List.of(n.get("const")), !required || nullable, pointer + "/const");
        if (n.has("enum")) {
            JsonNode values = n.get("enum");
            if (!values.isArray() || values.isEmpty()) throw tree.error(pointer + "/enum", "enum must be a non-empty list");
            List<JsonNode> list = new ArrayList<>();
            values.forEach(list::add);
            return scalars.label(t, columnName(t, path), n, list, !required || nullable, pointer + "/enum");
        }
        String type = primaryType(n, pointer);
        return switch (type) {
            case "null" -> new Shape.Constant(NullNode.instance);
            case "object" -> object(t, path, sub, required, nullable);
            case "array" -> array(t, path, sub, required);
            default -> scalars.scalar(t, columnName(t, path), n, pointer, !required || nullable, type);
        };
    }

    private boolean allowsNull(ObjectNode n) {
        if (n.path("nullable").asBoolean(false)) return true;
        if (typeNames(n).contains("null")) return true;
        JsonNode values = n.has("enum") ? n.get("enum") : null;
        if (values != null && values.isArray()) for (JsonNode v : values) if (v.isNull()) return true;
        return false;
    }

    private List<String> typeNames(ObjectNode n) {
        if (flavor == Flavor.MONGODB && n.has("bsonType")) return SchemaMerge.names(n.get("bsonType"));
        return SchemaMerge.names(n.get("type"));
    }

    /** The first non-null type; inferred from the keywords present when no type is given. */
    private String primaryType(ObjectNode n, String pointer) {
        List<String> names = typeNames(n);
        if (names.isEmpty() && (n.has("type") || n.has("bsonType"))) {
            throw tree.error(pointer + "/type", "the types of this schema's allOf parts have nothing in common");
        }
        for (String name : names) if (!name.equals("null")) return name;
        if (!names.isEmpty()) return "null";
        if (n.has("properties") || n.has("required")) return "object";
        if (n.has("items") || n.has("minItems") || n.has("maxItems")) return "array";
        if (n.has("minimum") || n.has("maximum") || n.has("exclusiveMinimum") || n.has("exclusiveMaximum") || n.has("multipleOf")) return "number";
        return "string";
    }

    private Shape object(TableBuilder t, String path, Resolved sub, boolean required, boolean nullable) {
        ObjectNode n = sub.node();
        String pointer = sub.pointer();
        String presence = null;
        if (!path.isEmpty() && (!required || nullable)) {
            presence = join(path, "__present");
            scalars.addColumn(t, Column.of(presence, ColumnType.of(TypeKind.BOOLEAN, "boolean"), true), pointer);
        }
        Set<String> requiredNames = new HashSet<>(SchemaMerge.names(n.get("required")));
        JsonNode properties = n.path("properties");
        Set<String> names = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        names.addAll(SchemaMerge.names(n.get("required")));
        List<Shape.Property> shaped = new ArrayList<>();
        for (String name : names) {
            String propertyPointer = pointer + "/properties/" + LineIndex.escape(name);
            Resolved property = refs.resolve(properties.get(name), propertyPointer, sub.refs());
            boolean isRequired = requiredNames.contains(name);
            Shape shape = value(t, join(path, name), property, isRequired);
            if (shape == null) continue;
            boolean nullLiteral = isRequired && !property.isCycle() && allowsNull(property.node());
            shaped.add(new Shape.Property(name, shape, nullLiteral));
        }
        return new Shape.Obj(presence, shaped);
    }

    private Shape array(TableBuilder t, String path, Resolved sub, boolean required) {
        ObjectNode n = sub.node();
        String pointer = sub.pointer();
        if (n.path("items").isArray() || n.has("prefixItems")) {
            return scalars.leftOut(pointer, n.has("prefixItems") ? "prefixItems" : "items", "tuple arrays are not supported", required);
        }
        int min = n.path("minItems").asInt(0);
        Integer max = n.has("maxItems") ? n.get("maxItems").asInt() : null;
        if (max != null && max < min) throw tree.error(pointer + "/maxItems", "maxItems " + max + " is below minItems " + min);
        String childPart = path.isEmpty() ? "items" : path;
        QualifiedName childName = new QualifiedName(SCHEMA, t.name().name() + "." + childPart);
        TableBuilder child = table(childName, t.name(), path.isEmpty() ? t.valueName() : lastSegment(path), pointer);
        Resolved items = refs.resolve(n.get("items"), pointer + "/items", sub.refs());
        int upper = max == null ? min + 3 : Math.min(max, min + 5);
        Shape element;
        if (items.isCycle()) {
            if (min > 0) throw tree.error(pointer + "/items", "recursive $ref " + items.cycle() + " with minItems " + min + " has no finite document");
            unsupported.add(new SchemaModel.Unsupported(pointer + "/items", "$ref", "recursive reference " + items.cycle() + " cut here: the array is always empty"));
            element = new Shape.Constant(NullNode.instance);
            upper = 0;
        } else {
            element = value(child, "", items, true);
        }
        return new Shape.Array(childName, min, upper, element, n.path("uniqueItems").asBoolean(false));
    }

    private Shape choice(TableBuilder t, String path, Resolved sub, boolean required, boolean nullable) {
        ObjectNode n = sub.node();
        String keyword = n.has("oneOf") ? "oneOf" : "anyOf";
        JsonNode branches = n.get(keyword);
        if (!branches.isArray() || branches.isEmpty()) throw tree.error(sub.pointer() + "/" + keyword, keyword + " must be a non-empty list");
        if (n.has("oneOf") && n.has("anyOf")) {
            unsupported.add(new SchemaModel.Unsupported(sub.pointer(), "anyOf", "next to oneOf: only the oneOf is followed"));
        }
        ObjectNode base = n.deepCopy();
        base.remove(keyword);
        base.remove("anyOf");
        List<Shape> shapes = new ArrayList<>();
        List<ObjectNode> effective = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            String branchPointer = sub.pointer() + "/" + keyword + "/" + i;
            Resolved branch = refs.resolve(branches.get(i), branchPointer, sub.refs());
            if (branch.isCycle()) {
                unsupported.add(new SchemaModel.Unsupported(branchPointer, "$ref", "recursive reference " + branch.cycle() + " cut: this branch is never chosen"));
                continue;
            }
            ObjectNode merged = SchemaMerge.merge(base, branch.node());
            Shape shape = value(t, path + "#" + shapes.size(), new Resolved(merged, branch.pointer(), branch.refs(), null), true);
            if (shape == null) continue;
            shapes.add(shape);
            effective.add(merged);
        }
        if (shapes.isEmpty()) return scalars.leftOut(sub.pointer(), keyword, "no branch can be generated", required);
        if (keyword.equals("oneOf") && shapes.size() > 1 && !exclusive(effective)) {
            unsupported.add(new SchemaModel.Unsupported(sub.pointer(), "oneOf",
                    "the branches are not told apart by type or by a const/enum property: a document made for one may also match another"));
        }
        String selector = path + "#";
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) labels.add(String.valueOf(i));
        scalars.addColumn(t, Column.of(selector, ColumnType.enumOf(t.name().name() + "_" + selector, labels), !required || nullable), sub.pointer());
        return new Shape.Choice(selector, shapes);
    }

    /** Whether every two branches differ in type or in the const/enum values of a property both require. */
    private boolean exclusive(List<ObjectNode> branches) {
        for (int i = 0; i < branches.size(); i++) {
            for (int j = i + 1; j < branches.size(); j++) {
                if (!apart(branches.get(i), branches.get(j))) return false;
            }
        }
        return true;
    }

    private boolean apart(ObjectNode a, ObjectNode b) {
        List<String> ta = typeNames(a);
        List<String> tb = typeNames(b);
        if (!ta.isEmpty() && !tb.isEmpty() && ta.stream().noneMatch(x -> tb.contains(x)
                || x.equals("number") && tb.contains("integer") || x.equals("integer") && tb.contains("number"))) {
            return true;
        }
        if (disjoint(values(a), values(b))) return true;
        Set<String> requiredBoth = new HashSet<>(SchemaMerge.names(a.get("required")));
        requiredBoth.retainAll(SchemaMerge.names(b.get("required")));
        for (String name : requiredBoth) {
            Resolved pa = refs.resolve(a.path("properties").get(name), "", List.of());
            Resolved pb = refs.resolve(b.path("properties").get(name), "", List.of());
            if (!pa.isCycle() && !pb.isCycle() && disjoint(values(pa.node()), values(pb.node()))) return true;
        }
        return false;
    }

    private static Set<JsonNode> values(ObjectNode n) {
        if (n.has("const")) return Set.of(n.get("const"));
        if (n.path("enum").isArray()) {
            Set<JsonNode> values = new HashSet<>();
            n.get("enum").forEach(values::add);
            return values;
        }
        return null;
    }

    private static boolean disjoint(Set<JsonNode> a, Set<JsonNode> b) {
        return a != null && b != null && a.stream().noneMatch(b::contains);
    }

    // ---- tables and columns ---------------------------------------------------------------------

    private TableBuilder table(QualifiedName name, QualifiedName parent, String valueName, String pointer) {
        if (tables.containsKey(name)) throw tree.error(pointer, "two document parts are both projected onto table " + name.name());
        TableBuilder t = new TableBuilder(name, parent, valueName);
        tables.put(name, t);
        return t;
    }

    private static String columnName(TableBuilder t, String path) {
        return path.isEmpty() ? t.valueName() : path;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
