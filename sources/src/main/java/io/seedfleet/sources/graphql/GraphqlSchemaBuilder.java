package io.seedfleet.sources.graphql;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Object types of a GraphQL schema as tables. Each rule:
 * <ul>
 *   <li>every object type but the root operation types (Query, Mutation, Subscription, or those the
 *       {@code schema} block names) is a table; interfaces and input types are skipped, unions are
 *       reported as unsupported;</li>
 *   <li>a scalar field is a column (built-in and common custom scalars, {@link GraphqlScalars}), an
 *       enum field an ENUM column, a list of scalars or enums an array; {@code !} makes it NOT NULL;</li>
 *   <li>the first {@code ID!} field is the primary key; a type without one gets a surrogate
 *       {@code id} (bigint identity; {@code _id} when a field is already called id);</li>
 *   <li>a field of another object type is a foreign-key column {@code <field>Id} to that type's key
 *       (an existing scalar field of that name is used as is);</li>
 *   <li>a list of another object type is one-to-many when that type has exactly one single-valued
 *       field back to this one (whose foreign key holds it); otherwise it needs a junction table
 *       {@code <Type>_<field>} with a foreign key to each side and both as its primary key. Two
 *       types that list each other once share one junction table, named after the
 *       alphabetically first side.</li>
 * </ul>
 * Fields of interface or union type are reported as unsupported; {@code @unique} on a field makes a
 * unique constraint.
 */
final class GraphqlSchemaBuilder {

    /** What a field's type is once its list and non-null wrappers are taken off. */
    private record Shape(String named, boolean nonNull, boolean list) {}

    /** A table's key column: its name and type. */
    private record Key(String column, ColumnType type) {}

    private static final String SCHEMA = "public";

    private final TypeDefinitionRegistry registry;
    private final Map<String, List<FieldDefinition>> objects = new TreeMap<>();
    private final Map<String, Key> keys = new TreeMap<>();
    private final Map<String, Table> junctions = new TreeMap<>();
    private final List<SchemaModel.Unsupported> unsupported = new ArrayList<>();

    GraphqlSchemaBuilder(TypeDefinitionRegistry registry) {
        this.registry = registry;
        Set<String> roots = rootTypes();
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            if (roots.contains(type.getName())) continue;
            List<FieldDefinition> fields = new ArrayList<>(type.getFieldDefinitions());
            registry.objectTypeExtensions().getOrDefault(type.getName(), List.of())
                    .forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
            objects.put(type.getName(), fields);
        }
        objects.forEach((name, fields) -> keys.put(name, key(fields)));
        for (UnionTypeDefinition union : registry.getTypes(UnionTypeDefinition.class)) {
            unsupported.add(new SchemaModel.Unsupported(union.getName(), "union",
                    "a union of " + union.getMemberTypes().stream().map(t -> ((TypeName) t).getName())
                            .collect(Collectors.joining(" | ")) + " has no table of its own"));
        }
    }

    SchemaModel build() {
        List<Table> tables = new ArrayList<>();
        objects.forEach((name, fields) -> tables.add(table(name, fields)));
        tables.addAll(junctions.values());
        return new SchemaModel(tables, List.of(), List.of(), unsupported);
    }

    private Set<String> rootTypes() {
        return registry.schemaDefinition()
                .map(schema -> schema.getOperationTypeDefinitions().stream()
                        .map(OperationTypeDefinition::getTypeName).map(TypeName::getName).collect(Collectors.toSet()))
                .orElse(Set.of("Query", "Mutation", "Subscription"));
    }

    private Key key(List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            if (field.getType() instanceof NonNullType nonNull && nonNull.getType() instanceof TypeName name
                    && name.getName().equals("ID")) {
                return new Key(field.getName(), GraphqlScalars.type("ID").orElseThrow());
            }
        }
        boolean hasId = fields.stream().anyMatch(f -> f.getName().equals("id"));
        return new Key(hasId ? "_id" : "id", ColumnType.of(TypeKind.BIGINT, "bigint"));
    }

    // --- one object type ----------------------------------------------------------------------------

    private Table table(String typeName, List<FieldDefinition> fields) {
        QualifiedName name = new QualifiedName(SCHEMA, typeName);
        Key key = keys.get(typeName);
        Map<String, Column> columns = new LinkedHashMap<>();
        List<UniqueKey> uniqueKeys = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        if (fields.stream().noneMatch(f -> f.getName().equals(key.column()))) {
            columns.put(key.column(), new Column(key.column(), key.type(), false, null, Column.Identity.BY_DEFAULT,
                    new QualifiedName(SCHEMA, typeName + "_" + key.column() + "_seq"), false, "surrogate key"));
        }
        uniqueKeys.add(UniqueKey.primaryKey(typeName + "_pkey", List.of(key.column())));
        Map<String, FieldDefinition> scalarFields = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            Shape shape = shape(field.getType());
            if (objects.containsKey(shape.named())) continue;
            ColumnType type = scalarType(typeName, field, shape);
            if (type == null) continue;
            columns.put(field.getName(), Column.of(field.getName(), shape.list() ? ColumnType.arrayOf(type) : type, !shape.nonNull()));
            scalarFields.put(field.getName(), field);
            if (field.hasDirective("unique") && !field.getName().equals(key.column())) {
                uniqueKeys.add(UniqueKey.unique(typeName + "_" + field.getName() + "_key", List.of(field.getName())));
            }
        }
        for (FieldDefinition field : fields) {
            Shape shape = shape(field.getType());
            if (!objects.containsKey(shape.named())) continue;
            if (shape.list()) {
                listOfObjects(typeName, field, shape.named());
                continue;
            }
            Key target = keys.get(shape.named());
            String column = field.getName() + "Id";
            if (!scalarFields.containsKey(column)) {
                if (columns.containsKey(column)) throw error(field, typeName, "column " + column + " is already taken");
                columns.put(column, Column.of(column, target.type(), !shape.nonNull()));
            }
            foreignKeys.add(ForeignKey.of(typeName + "_" + column + "_fkey", List.of(column),
                    new QualifiedName(SCHEMA, shape.named()), List.of(target.column())));
        }
        return new Table(name, List.copyOf(columns.values()), uniqueKeys, foreignKeys, List.of(), null);
    }

    /** The column type of a field that is not a reference, or null when it is reported as unsupported. */
    private ColumnType scalarType(String typeName, FieldDefinition field, Shape shape) {
        String named = shape.named();
        if (GraphqlScalars.isBuiltIn(named)) return GraphqlScalars.type(named).orElseThrow();
        var definition = registry.getType(named);
        if (definition.isEmpty()) {
            throw error(field, typeName, "unknown type '" + named + "': not a built-in scalar nor a type the schema declares");
        }
        if (definition.get() instanceof ScalarTypeDefinition) {
            return GraphqlScalars.type(named).orElseGet(() -> {
                unsupported.add(new SchemaModel.Unsupported(typeName + "." + field.getName(), "custom scalar",
                        named + " is not a scalar Seedfleet knows; stored as text"));
                return ColumnType.of(TypeKind.TEXT, "text");
            });
        }
        if (definition.get() instanceof EnumTypeDefinition enumType) {
            return ColumnType.enumOf(new QualifiedName(SCHEMA, named).sql(),
                    enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
        }
        String kind = definition.get() instanceof InterfaceTypeDefinition ? "interface reference"
                : definition.get() instanceof UnionTypeDefinition ? "union reference"
                : definition.get() instanceof InputObjectTypeDefinition ? "input type reference" : "root type reference";
        unsupported.add(new SchemaModel.Unsupported(typeName + "." + field.getName(), kind,
                "a field of type " + named + " has no column"));
        return null;
    }

    // --- lists of other object types ------------------------------------------------------------------

    private void listOfObjects(String typeName, FieldDefinition field, String target) {
        List<FieldDefinition> targetFields = objects.get(target);
        long backReferences = targetFields.stream().filter(f -> f != field)
                .map(f -> shape(f.getType())).filter(s -> !s.list() && s.named().equals(typeName)).count();
        if (backReferences == 1) return; // one-to-many: the other side's foreign key holds it
        List<FieldDefinition> backLists = targetFields.stream().filter(f -> f != field)
                .filter(f -> shape(f.getType()).list() && shape(f.getType()).named().equals(typeName)).toList();
        long ownLists = objects.get(typeName).stream()
                .filter(f -> shape(f.getType()).list() && shape(f.getType()).named().equals(target)).count();
        if (!typeName.equals(target) && backLists.size() == 1 && ownLists == 1) {
            // both sides list each other once: one junction table, named after the alphabetically first side
            String mine = typeName + "_" + field.getName();
            String theirs = target + "_" + backLists.get(0).getName();
            if (mine.compareTo(theirs) > 0) return;
        }
        String junction = typeName + "_" + field.getName();
        Key from = keys.get(typeName);
        Key to = keys.get(target);
        String fromColumn = lowerFirst(typeName) + "Id";
        String toColumn = lowerFirst(target) + "Id";
        if (toColumn.equals(fromColumn)) toColumn = field.getName() + "Id";
        junctions.put(junction, new Table(new QualifiedName(SCHEMA, junction),
                List.of(Column.of(fromColumn, from.type(), false), Column.of(toColumn, to.type(), false)),
                List.of(UniqueKey.primaryKey(junction + "_pkey", List.of(fromColumn, toColumn))),
                List.of(ForeignKey.of(junction + "_" + fromColumn + "_fkey", List.of(fromColumn),
                                new QualifiedName(SCHEMA, typeName), List.of(from.column())),
                        ForeignKey.of(junction + "_" + toColumn + "_fkey", List.of(toColumn),
                                new QualifiedName(SCHEMA, target), List.of(to.column()))),
                List.of(), null));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** Non-null applies to the outer type: {@code [String!]!} is a NOT NULL array; nested lists are one array. */
    private static Shape shape(Type<?> type) {
        boolean nonNull = type instanceof NonNullType;
        boolean list = false;
        Type<?> inner = type;
        while (!(inner instanceof TypeName)) {
            if (inner instanceof NonNullType n) inner = n.getType();
            else if (inner instanceof ListType l) {
                list = true;
                inner = l.getType();
            }
        }
        return new Shape(((TypeName) inner).getName(), nonNull, list);
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static SourceException error(FieldDefinition field, String typeName, String problem) {
        SourceLocation at = field.getSourceLocation();
        String source = at == null || at.getSourceName() == null ? "GraphQL schema" : at.getSourceName();
        return new SourceException(source, at == null ? 0 : at.getLine(), "field " + typeName + "." + field.getName(), problem);
    }
}
