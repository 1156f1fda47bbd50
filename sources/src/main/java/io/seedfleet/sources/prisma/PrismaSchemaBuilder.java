package io.seedfleet.sources.prisma;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.sources.prisma.PrismaAst.Attribute;
import io.seedfleet.sources.prisma.PrismaAst.Block;
import io.seedfleet.sources.prisma.PrismaAst.EnumBlock;
import io.seedfleet.sources.prisma.PrismaAst.Field;
import io.seedfleet.sources.prisma.PrismaAst.Model;
import io.seedfleet.sources.prisma.PrismaAst.OtherBlock;
import io.seedfleet.sources.prisma.PrismaAst.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns parsed Prisma blocks into the tables Prisma's postgresql provider migrates them to: one table
 * per model (@@map, @@schema), a column per scalar field (@map; scalar lists as arrays), primary keys,
 * unique indexes and foreign keys named as Prisma names them, serial columns for autoincrement(), and
 * the {@code _<Relation>} junction table of each implicit many-to-many relation.
 */
final class PrismaSchemaBuilder {

    /** An enum as the database has it: its type name and labels (the values, @map'ed). */
    private record EnumType(QualifiedName name, List<String> values, List<String> labels) {
        ColumnType columnType() {
            return ColumnType.enumOf(name.sql(), labels);
        }

        /** Value names as the schema writes them (in @default) to the labels the database stores. */
        Map<String, String> labelsByValue() {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) map.put(values.get(i), labels.get(i));
            return map;
        }
    }

    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, EnumType> enums = new LinkedHashMap<>();
    private final Set<String> compositeTypes = new HashSet<>();
    private final List<SchemaModel.Unsupported> unsupported = new ArrayList<>();
    private String datasource = "db";

    PrismaSchemaBuilder(List<Block> blocks) {
        Map<String, Block> seen = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (block instanceof OtherBlock other && other.keyword().equals("datasource")) {
                datasource = other.name();
                continue;
            }
            if (block instanceof OtherBlock other && other.keyword().equals("generator")) continue;
            Block earlier = seen.putIfAbsent(block.name(), block);
            if (earlier != null) {
                throw new SourceException(block.file(), block.line(), construct(block),
                        "'" + block.name() + "' is already declared at " + earlier.file() + ":" + earlier.line());
            }
            if (block instanceof Model m && m.keyword().equals("view")) {
                unsupported.add(new SchemaModel.Unsupported(m.name(), "view",
                        "Prisma views are read from the database, migrations do not create them"));
            } else if (block instanceof Model m) {
                models.put(m.name(), m);
            } else if (block instanceof EnumBlock e) {
                enums.put(e.name(), new EnumType(
                        new QualifiedName(schemaOf(e.attribute("schema")), mapped(e.attribute("map"), e.name())),
                        e.values().stream().map(PrismaAst.EnumValue::name).toList(),
                        e.values().stream().map(v -> mapped(v.attributes().stream()
                                .filter(a -> a.name().equals("map")).findFirst(), v.name())).toList()));
            } else {
                compositeTypes.add(block.name());
            }
        }
    }

    private static String construct(Block block) {
        String keyword = block instanceof Model m ? m.keyword() : block instanceof EnumBlock ? "enum" : ((OtherBlock) block).keyword();
        return keyword + " " + block.name();
    }

    SchemaModel build() {
        List<Table> tables = new ArrayList<>();
        for (Model model : models.values()) tables.add(table(model));
        tables.addAll(implicitManyToManyTables());
        return new SchemaModel(tables, List.of(), List.of(), unsupported);
    }

    // --- one model, one table ---------------------------------------------------------------------

    private Table table(Model model) {
        QualifiedName name = tableName(model);
        List<Column> columns = new ArrayList<>();
        for (Field field : model.fields()) {
            if (models.containsKey(field.type())) continue; // a relation field: its columns are scalar fields
            if (compositeTypes.contains(field.type())) {
                unsupported.add(new SchemaModel.Unsupported(name + "." + columnName(field), "composite type",
                        field.type() + " (composite types exist on MongoDB only)"));
                continue;
            }
            columns.add(column(model, name, field));
        }
        List<UniqueKey> keys = new ArrayList<>();
        primaryKey(model, name).ifPresent(keys::add);
        keys.addAll(uniqueKeys(model, name));
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (Field field : model.fields()) {
            if (!models.containsKey(field.type())) continue;
            Optional<Attribute> relation = field.attribute("relation");
            if (relation.isPresent() && relation.get().argument("fields", -1).isPresent()) {
                foreignKeys.add(foreignKey(model, name, field, relation.get()));
            } else {
                requireOppositeSide(model, field);
            }
        }
        return new Table(name, columns, keys, foreignKeys, List.of(), null);
    }

    private Column column(Model model, QualifiedName table, Field field) {
        String column = columnName(field);
        ColumnType type = fieldType(model, field);
        if (field.list()) type = ColumnType.arrayOf(type);
        // Prisma migrations never add NOT NULL to scalar lists
        boolean nullable = field.optional() || field.list();
        Optional<Attribute> defaultAttribute = field.attribute("default");
        PrismaDefaults.Default value = defaultAttribute.isEmpty() ? PrismaDefaults.Default.NONE
                : PrismaDefaults.of(defaultAttribute.get().argument("value", 0).orElse(null), type,
                        field.type(), enums.containsKey(field.type()) ? enums.get(field.type()).labelsByValue() : Map.of(),
                        model.file(), field.line(), "field " + model.name() + "." + field.name());
        if (value.autoincrement()) {
            if (!type.kind().isInteger()) {
                throw new SourceException(model.file(), field.line(), "field " + model.name() + "." + field.name(),
                        "autoincrement() needs an integer field, not " + field.type());
            }
            QualifiedName sequence = new QualifiedName(table.schema(), PrismaNames.serialSequence(table.name(), column));
            return new Column(column, type, false, "nextval(" + Identifiers.literal(sequence.sql()) + "::regclass)",
                    Column.Identity.SERIAL, sequence, false, null);
        }
        return new Column(column, type, nullable, value.expression(), Column.Identity.NONE, null, false, null);
    }

    /** The field's scalar type: its @db native type, an enum, Unsupported("..."), or the scalar's default mapping. */
    private ColumnType fieldType(Model model, Field field) {
        String construct = "field " + model.name() + "." + field.name();
        for (Attribute attribute : field.attributes()) {
            if (!attribute.name().startsWith(datasource + ".")) continue;
            String nativeName = attribute.name().substring(datasource.length() + 1);
            return PrismaTypes.nativeType(nativeName, attribute).orElseThrow(() -> new SourceException(model.file(),
                    attribute.line(), construct, "unknown native type @" + attribute.name() + " for PostgreSQL"));
        }
        if (PrismaTypes.isScalar(field.type())) return PrismaTypes.SCALARS.get(field.type());
        if (enums.containsKey(field.type())) return enums.get(field.type()).columnType();
        if (field.type().equals("Unsupported") && !field.typeArgs().isEmpty()
                && field.typeArgs().get(0) instanceof PrismaAst.Text text) {
            return ColumnType.of(TypeKind.OTHER, text.value());
        }
        throw new SourceException(model.file(), field.line(), construct, "unknown type '" + field.type()
                + "': not a Prisma scalar type, nor a model, enum or type declared in the schema");
    }

    // --- keys -------------------------------------------------------------------------------------

    private Optional<UniqueKey> primaryKey(Model model, QualifiedName table) {
        for (Field field : model.fields()) {
            Optional<Attribute> id = field.attribute("id");
            if (id.isPresent()) {
                return Optional.of(UniqueKey.primaryKey(constraintName(id.get(), PrismaNames.primaryKey(table.name())),
                        List.of(columnName(field))));
            }
        }
        return model.attribute("id").map(id -> UniqueKey.primaryKey(constraintName(id, PrismaNames.primaryKey(table.name())),
                fieldColumns(model, id, "fields")));
    }

    /** @unique and @@unique: Prisma creates them as unique indexes, not constraints. */
    private List<UniqueKey> uniqueKeys(Model model, QualifiedName table) {
        List<UniqueKey> keys = new ArrayList<>();
        for (Field field : model.fields()) {
            Optional<Attribute> unique = field.attribute("unique");
            if (unique.isEmpty()) continue;
            List<String> columns = List.of(columnName(field));
            keys.add(uniqueIndex(constraintName(unique.get(), PrismaNames.uniqueKey(table.name(), columns)), columns));
        }
        for (Attribute unique : model.attributes()) {
            if (!unique.name().equals("unique")) continue;
            List<String> columns = fieldColumns(model, unique, "fields");
            keys.add(uniqueIndex(constraintName(unique, PrismaNames.uniqueKey(table.name(), columns)), columns));
        }
        return keys;
    }

    private static UniqueKey uniqueIndex(String name, List<String> columns) {
        return new UniqueKey(name, columns, UniqueKey.Kind.UNIQUE_INDEX, false, null, List.of());
    }

    /** {@code map: "..."} names the constraint in the database; otherwise Prisma's default name. */
    private static String constraintName(Attribute attribute, String defaultName) {
        return attribute.argument("map", -1).filter(v -> v instanceof PrismaAst.Text)
                .map(v -> ((PrismaAst.Text) v).value()).orElse(defaultName);
    }

    /** The columns of {@code [a, b(sort: Desc)]}, the attribute's named or first positional argument. */
    private List<String> fieldColumns(Model model, Attribute attribute, String argument) {
        Value value = attribute.argument(argument, 0).orElseThrow(() -> new SourceException(model.file(), attribute.line(),
                "model " + model.name() + " @@" + attribute.name(), "missing the list of fields"));
        return fieldNames(model, attribute, value).stream().map(f -> columnName(field(model, f, attribute))).toList();
    }

    private static List<String> fieldNames(Model model, Attribute attribute, Value value) {
        if (!(value instanceof PrismaAst.Array array)) {
            throw new SourceException(model.file(), attribute.line(), "model " + model.name() + " @" + attribute.name(),
                    "expected a list of fields such as [a, b]");
        }
        List<String> names = new ArrayList<>();
        for (Value item : array.items()) {
            if (item instanceof PrismaAst.Name n) {
                names.add(n.value());
            } else if (item instanceof PrismaAst.Call c) {
                names.add(c.function()); // a field with arguments: b(sort: Desc)
            } else {
                throw new SourceException(model.file(), attribute.line(),
                        "model " + model.name() + " @" + attribute.name(), "expected a field name in the list");
            }
        }
        return names;
    }

    private static Field field(Model model, String name, Attribute at) {
        return model.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new SourceException(
                model.file(), at.line(), "model " + model.name() + " @" + at.name(), "no field '" + name + "' in model " + model.name()));
    }

    // --- relations --------------------------------------------------------------------------------

    private ForeignKey foreignKey(Model model, QualifiedName table, Field field, Attribute relation) {
        Model target = models.get(field.type());
        List<String> columns = fieldColumns(model, relation, "fields");
        Value references = relation.argument("references", -1).orElseThrow(() -> new SourceException(model.file(),
                relation.line(), "field " + model.name() + "." + field.name() + " @relation", "fields without references"));
        List<String> referenced = fieldNames(model, relation, references).stream()
                .map(f -> columnName(field(target, f, relation))).toList();
        if (columns.size() != referenced.size()) {
            throw new SourceException(model.file(), relation.line(), "field " + model.name() + "." + field.name() + " @relation",
                    columns.size() + " fields but " + referenced.size() + " references");
        }
        return ForeignKey.of(constraintName(relation, PrismaNames.foreignKey(table.name(), columns)), columns,
                tableName(target), referenced);
    }

    /** A relation field without fields is the other side of one that has them, or half of an implicit many-to-many. */
    private void requireOppositeSide(Model model, Field field) {
        Optional<Field> opposite = opposite(model, field);
        if (opposite.isEmpty()) {
            throw new SourceException(model.file(), field.line(), "field " + model.name() + "." + field.name(),
                    "relation to " + field.type() + " has no opposite relation field in model " + field.type());
        }
        boolean oppositeHasFields = opposite.get().attribute("relation")
                .flatMap(r -> r.argument("fields", -1)).isPresent();
        if (!oppositeHasFields && !(field.list() && opposite.get().list())) {
            throw new SourceException(model.file(), field.line(), "field " + model.name() + "." + field.name(),
                    "neither side of the relation with " + field.type() + " says which fields hold it (@relation(fields: ..., references: ...))");
        }
    }

    /** The field on the other model that has the same relation name and points back at this model. */
    private Optional<Field> opposite(Model model, Field field) {
        Model target = models.get(field.type());
        String name = relationName(field);
        return target.fields().stream()
                .filter(f -> f != field && f.type().equals(model.name()))
                .filter(f -> java.util.Objects.equals(relationName(f), name))
                .findFirst();
    }

    private static String relationName(Field field) {
        return field.attribute("relation").flatMap(r -> r.argument("name", 0))
                .filter(v -> v instanceof PrismaAst.Text).map(v -> ((PrismaAst.Text) v).value()).orElse(null);
    }

    /**
     * The junction table of each implicit many-to-many relation ({@code Post[]} on one side, {@code Tag[]}
     * on the other, neither with fields): {@code _<name>}, the name being the relation's or
     * {@code <A>To<B>} with the models in alphabetical order; column A references the first model's
     * id, B the second's. The constraints are those Prisma 5 migrations create: a unique index over
     * (A, B) named {@code _<name>_AB_unique} and a foreign key on each column (Prisma 6 makes the
     * pair the primary key {@code _<name>_AB_pkey} instead).
     */
    private List<Table> implicitManyToManyTables() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Model model : models.values()) {
            for (Field field : model.fields()) {
                if (!field.list() || !models.containsKey(field.type())) continue;
                Optional<Field> opposite = opposite(model, field);
                if (opposite.isEmpty() || !opposite.get().list()) continue;
                Model other = models.get(field.type());
                Model a = model.name().compareTo(other.name()) <= 0 ? model : other;
                Model b = a == model ? other : model;
                String relation = Optional.ofNullable(relationName(field)).orElse(a.name() + "To" + b.name());
                String tableName = "_" + relation;
                if (tables.containsKey(tableName)) continue;
                QualifiedName name = new QualifiedName(tableName(a).schema(), tableName);
                Column columnA = junctionColumn("A", a, field);
                Column columnB = junctionColumn("B", b, field);
                tables.put(tableName, new Table(name, List.of(columnA, columnB),
                        List.of(uniqueIndex(tableName + "_AB_unique", List.of("A", "B"))),
                        List.of(ForeignKey.of(tableName + "_A_fkey", List.of("A"), tableName(a), singleId(a, field)),
                                ForeignKey.of(tableName + "_B_fkey", List.of("B"), tableName(b), singleId(b, field))),
                        List.of(), null));
            }
        }
        return List.copyOf(tables.values());
    }

    private Column junctionColumn(String name, Model model, Field relationField) {
        Field id = idField(model, relationField);
        return Column.of(name, fieldType(model, id), false);
    }

    private List<String> singleId(Model model, Field relationField) {
        return List.of(columnName(idField(model, relationField)));
    }

    private Field idField(Model model, Field relationField) {
        return model.fields().stream().filter(f -> f.attribute("id").isPresent()).findFirst().orElseThrow(() ->
                new SourceException(model.file(), relationField.line(), "model " + model.name(),
                        "an implicit many-to-many relation needs a single-field @id on " + model.name()));
    }

    // --- names ------------------------------------------------------------------------------------

    private QualifiedName tableName(Model model) {
        return new QualifiedName(schemaOf(model.attribute("schema")), mapped(model.attribute("map"), model.name()));
    }

    private static String columnName(Field field) {
        return mapped(field.attribute("map"), field.name());
    }

    private static String schemaOf(Optional<Attribute> schema) {
        return mapped(schema, "public");
    }

    private static String mapped(Optional<Attribute> attribute, String otherwise) {
        return attribute.flatMap(a -> a.argument("name", 0)).filter(v -> v instanceof PrismaAst.Text)
                .map(v -> ((PrismaAst.Text) v).value()).orElse(otherwise);
    }
}
