package io.seedfleet.sources.prisma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.sources.ddl.PostgresDdlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrismaSchemaReaderTest {
    private static final Path RESOURCES = Path.of("src/test/resources/prisma");
    private static final QualifiedName USERS = new QualifiedName("public", "users");

    /**
     * A column as both sides state it: type kind with length, precision, scale and enum labels; nullability;
     * identity. Enum labels are compared as sets: the migrations append values with ALTER TYPE ... ADD VALUE,
     * so in the database some enums (FieldType, SubscriptionStatus...) list them in another order than the
     * schema, which only states the current order.
     */
    record ColumnShape(String table, String column, TypeKind kind, Integer length, Integer precision, Integer scale,
                       List<String> labels, TypeKind elementKind, boolean nullable, Column.Identity identity) {}

    record KeyShape(String table, String name, List<String> columns, UniqueKey.Kind kind) {}

    record ForeignKeyShape(String table, String name, List<String> columns, QualifiedName references, List<String> referencedColumns) {}

    /**
     * documenso's Prisma schema against the database its own migration history builds: the same tables,
     * columns (name, kind, nullability), primary keys, unique keys and foreign keys, names included.
     */
    @Test
    void documensoMatchesItsMigrationHistory() throws Exception {
        Path prisma = ScratchDatabases.SCHEMAS.resolve("prisma_documenso/schema.prisma");
        Path sql = ScratchDatabases.SCHEMAS.resolve("documenso/schema.sql");
        assumeTrue(Files.isRegularFile(prisma) && Files.isRegularFile(sql), "shared schemas not found");
        SchemaModel fromPrisma = PrismaSchemaReader.read(List.of(prisma));
        SchemaModel migrated = ScratchDatabases.introspect(ScratchDatabases.create("prisma_documenso_sql", Files.readString(sql)));

        assertThat(fromPrisma.tables()).hasSize(51);
        assertThat(names(fromPrisma)).isEqualTo(names(migrated));
        assertSame("columns", columns(fromPrisma), columns(migrated));
        assertSame("primary keys", keys(fromPrisma, true), keys(migrated, true));
        assertSame("unique keys", keys(fromPrisma, false), keys(migrated, false));
        assertSame("foreign keys", foreignKeys(fromPrisma), foreignKeys(migrated));
        assertThat(columns(fromPrisma).size()).isGreaterThan(10 * fromPrisma.tables().size() / 2);
        assertThat(keys(fromPrisma, false)).hasSize(43);
        assertThat(foreignKeys(fromPrisma)).hasSizeGreaterThan(60);
        // an enum never altered keeps its order too
        assertThat(fromPrisma.table(new QualifiedName("public", "Recipient")).column("readStatus").type().enumLabels())
                .containsExactly("NOT_OPENED", "OPENED")
                .isEqualTo(migrated.table(new QualifiedName("public", "Recipient")).column("readStatus").type().enumLabels());
        assertThat(fromPrisma.table(new QualifiedName("public", "User")).column("id").identity()).isEqualTo(Column.Identity.SERIAL);
    }

    /** The Prisma model written as DDL loads, and the engine fills it with rows that pass validation. */
    @Test
    void documensoModelSeedsAndValidates() throws Exception {
        Path prisma = ScratchDatabases.SCHEMAS.resolve("prisma_documenso/schema.prisma");
        assumeTrue(Files.isRegularFile(prisma), "shared schemas not found");
        SchemaModel model = PrismaSchemaReader.read(List.of(prisma));
        JdbcTarget target = ScratchDatabases.create("prisma_documenso_ddl", PostgresDdlWriter.write(model));

        RunSummary run = ScratchDatabases.generateAndValidate(model, target);

        assertThat(run.tables()).hasSize(51).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
    }

    @Test
    void blogFixtureMapsEveryRule() throws Exception {
        SchemaModel model = PrismaSchemaReader.read(List.of(RESOURCES.resolve("blog.prisma")));

        assertThat(model.tables()).extracting(t -> t.name().toString()).containsExactlyInAnyOrder(
                "audit.AuditEntry", "public.Post", "public._PostToTag", "public.Profile", "public.Tag",
                "public._friends", "public.users");
        Table users = model.table(USERS);
        assertThat(users.columns()).extracting(Column::name).containsExactly(
                "id", "email", "display_name", "role", "roles", "nicknames", "balance", "rating", "active", "created_at", "updatedAt");
        Column id = users.column("id");
        assertThat(id.identity()).isEqualTo(Column.Identity.SERIAL);
        assertThat(id.sequence()).isEqualTo(new QualifiedName("public", "users_id_seq"));
        assertThat(users.column("email").type()).isEqualTo(ColumnType.text(TypeKind.VARCHAR, "character varying(320)", 320));
        assertThat(users.column("display_name").nullable()).isTrue();
        ColumnType role = users.column("role").type();
        assertThat(role.kind()).isEqualTo(TypeKind.ENUM);
        assertThat(role.sqlName()).isEqualTo("\"public\".\"user_role\"");
        assertThat(role.enumLabels()).containsExactly("READER", "writer", "ADMIN");
        assertThat(users.column("role").defaultExpression()).isEqualTo("'writer'::\"public\".\"user_role\"");
        assertThat(users.column("roles").type().kind()).isEqualTo(TypeKind.ARRAY);
        assertThat(users.column("roles").defaultExpression())
                .isEqualTo("ARRAY['READER'::\"public\".\"user_role\", 'ADMIN'::\"public\".\"user_role\"]::\"public\".\"user_role\"[]");
        assertThat(users.column("nicknames").type()).isEqualTo(ColumnType.arrayOf(ColumnType.of(TypeKind.TEXT, "text")));
        assertThat(users.column("nicknames").nullable()).as("Prisma never makes a list NOT NULL").isTrue();
        assertThat(users.column("balance").type()).isEqualTo(ColumnType.numeric("numeric(10,2)", 10, 2));
        assertThat(users.column("rating").defaultExpression()).isEqualTo("-1.5");
        assertThat(users.column("created_at").type().kind()).isEqualTo(TypeKind.TIMESTAMPTZ);
        assertThat(users.column("created_at").type().precision()).isEqualTo(6);
        assertThat(users.column("created_at").defaultExpression()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(users.column("updatedAt").type().precision()).isEqualTo(3);
        assertThat(users.column("updatedAt").defaultExpression()).as("@updatedAt is set by Prisma Client").isNull();
        assertThat(users.uniqueKeys()).containsExactly(UniqueKey.primaryKey("users_pkey", List.of("id")),
                new UniqueKey("users_email_key", List.of("email"), UniqueKey.Kind.UNIQUE_INDEX, false, null, List.of()));
        assertThat(users.foreignKeys()).isEmpty();

        Table post = model.table(new QualifiedName("public", "Post"));
        assertThat(post.column("id").type().kind()).isEqualTo(TypeKind.UUID);
        assertThat(post.column("id").defaultExpression()).as("uuid() is filled in by Prisma Client").isNull();
        assertThat(post.column("views").identity()).isEqualTo(Column.Identity.SERIAL);
        assertThat(post.column("views").type().kind()).isEqualTo(TypeKind.BIGINT);
        assertThat(post.column("body").type().kind()).isEqualTo(TypeKind.JSONB);
        assertThat(post.column("blob").type().kind()).isEqualTo(TypeKind.BYTEA);
        assertThat(post.column("editorId").nullable()).isTrue();
        assertThat(post.uniqueKeys()).extracting(UniqueKey::name, UniqueKey::columns).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Post_pkey", List.of("id")),
                org.assertj.core.groups.Tuple.tuple("Post_authorId_slug_key", List.of("authorId", "slug")));
        assertThat(post.foreignKeys()).containsExactly(
                ForeignKey.of("Post_authorId_fkey", List.of("authorId"), USERS, List.of("id")),
                ForeignKey.of("Post_editorId_fkey", List.of("editorId"), USERS, List.of("id")));

        Table profile = model.table(new QualifiedName("public", "Profile"));
        assertThat(profile.foreignKeys()).containsExactly(ForeignKey.of("profile_owner", List.of("userId"), USERS, List.of("id")));
        assertThat(profile.column("bio").defaultExpression()).isEqualTo("'It''s me'");

        Table postToTag = model.table(new QualifiedName("public", "_PostToTag"));
        assertThat(postToTag.columns()).extracting(Column::name, c -> c.type().kind(), Column::nullable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", TypeKind.UUID, false),
                org.assertj.core.groups.Tuple.tuple("B", TypeKind.TEXT, false));
        assertThat(postToTag.uniqueKeys()).extracting(UniqueKey::name, UniqueKey::columns)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_PostToTag_AB_unique", List.of("A", "B")));
        assertThat(postToTag.foreignKeys()).containsExactly(
                ForeignKey.of("_PostToTag_A_fkey", List.of("A"), new QualifiedName("public", "Post"), List.of("id")),
                ForeignKey.of("_PostToTag_B_fkey", List.of("B"), new QualifiedName("public", "Tag"), List.of("name")));
        Table friends = model.table(new QualifiedName("public", "_friends"));
        assertThat(friends.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly(USERS, USERS);

        Table audit = model.table(new QualifiedName("audit", "AuditEntry"));
        assertThat(audit.primaryKey()).contains(UniqueKey.primaryKey("audit_pk", List.of("actor", "seq")));
        assertThat(audit.column("at").defaultExpression()).isEqualTo("now()");
    }

    /** The fixture's DDL loads, reads back as the reader's model, and seeds and validates. */
    @Test
    void blogFixtureLoadsSeedsAndValidates() throws Exception {
        SchemaModel model = PrismaSchemaReader.read(List.of(RESOURCES.resolve("blog.prisma")));
        JdbcTarget target = ScratchDatabases.create("prisma_blog", PostgresDdlWriter.write(model));
        SchemaModel loaded = ScratchDatabases.introspect(target);

        assertThat(columns(loaded)).isEqualTo(columns(model));
        assertThat(keys(loaded, true)).isEqualTo(keys(model, true));
        assertThat(keys(loaded, false)).isEqualTo(keys(model, false));
        assertThat(foreignKeys(loaded)).isEqualTo(foreignKeys(model));
        RunSummary run = ScratchDatabases.generateAndValidate(model, target);
        assertThat(run.tables()).hasSize(7).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
    }

    @Test
    void aFolderIsOneSchema() {
        SchemaModel model = PrismaSchemaReader.read(List.of(RESOURCES.resolve("multi")));

        assertThat(model.table(new QualifiedName("public", "Book")).foreignKeys()).containsExactly(
                ForeignKey.of("Book_authorId_fkey", List.of("authorId"), new QualifiedName("public", "Author"), List.of("id")));
    }

    @Test
    void malformedFileNamesFileLineAndConstruct() {
        Path file = RESOURCES.resolve("broken.prisma");
        assertThatThrownBy(() -> PrismaSchemaReader.read(List.of(file)))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.construct()).isEqualTo("field User.email");
                })
                .hasMessageContaining("broken.prisma:3: field User.email: expected a type but found '@'");
    }

    @Test
    void unknownTypeIsNamed() {
        Path file = RESOURCES.resolve("unknown-type.prisma");
        assertThatThrownBy(() -> PrismaSchemaReader.read(List.of(file)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("unknown type 'Strng'");
    }

    @Test
    void unclosedBlockAndDanglingRelationAreReported(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path unclosed = Files.writeString(dir.resolve("unclosed.prisma"), "model A {\n  id Int @id\n");
        assertThatThrownBy(() -> PrismaSchemaReader.read(List.of(unclosed)))
                .isInstanceOf(SourceException.class).hasMessageContaining("model A").hasMessageContaining("end of file");
        Path dangling = Files.writeString(dir.resolve("dangling.prisma"),
                "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n}\n");
        assertThatThrownBy(() -> PrismaSchemaReader.read(List.of(dangling)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("no opposite relation field");
        Path twice = Files.writeString(dir.resolve("twice.prisma"), "enum A {\n  X\n}\n");
        assertThatThrownBy(() -> PrismaSchemaReader.read(List.of(dangling, twice)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.construct()).isEqualTo("enum A"))
                .hasMessageContaining("twice.prisma:1").hasMessageContaining("already declared at " + dangling + ":1");
        Path badNative = Files.writeString(dir.resolve("native.prisma"), "model A {\n  id String @id @db.Varchar(3)\n}\n");
        assertThatThrownBy(() -> PrismaSchemaReader.read(List.of(badNative)))
                .isInstanceOf(SourceException.class).hasMessageContaining("native.prisma:2").hasMessageContaining("@db.Varchar");
    }

    /** Equal sets, failing with what only one side has rather than with both sets in full. */
    private static <T> void assertSame(String what, Set<T> fromPrisma, Set<T> migrated) {
        Set<T> onlyPrisma = sorted(new java.util.LinkedHashSet<>(fromPrisma));
        onlyPrisma.removeAll(migrated);
        Set<T> onlyMigrated = sorted(new java.util.LinkedHashSet<>(migrated));
        onlyMigrated.removeAll(fromPrisma);
        assertThat(onlyPrisma).as(what + " only in the Prisma model").isEmpty();
        assertThat(onlyMigrated).as(what + " only in the migrated database").isEmpty();
    }

    // --- comparable projections ---------------------------------------------------------------------

    private static Set<String> names(SchemaModel model) {
        return model.tables().stream().map(t -> t.name().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<ColumnShape> columns(SchemaModel model) {
        Set<ColumnShape> shapes = new java.util.LinkedHashSet<>();
        for (Table t : model.tables()) {
            for (Column c : t.columns()) {
                ColumnType type = c.type().element() == null ? c.type() : c.type().element();
                shapes.add(new ColumnShape(t.name().toString(), c.name(), c.type().kind(), type.length(), type.precision(),
                        type.scale(), type.enumLabels().stream().sorted().toList(), c.type().element() == null ? null : type.kind(), c.nullable(), c.identity()));
            }
        }
        return sorted(shapes);
    }

    private static Set<KeyShape> keys(SchemaModel model, boolean primary) {
        Set<KeyShape> shapes = new java.util.LinkedHashSet<>();
        for (Table t : model.tables()) {
            for (UniqueKey k : t.uniqueKeys()) {
                if (k.isPrimaryKey() == primary) shapes.add(new KeyShape(t.name().toString(), k.name(), k.columns(), k.kind()));
            }
        }
        return sorted(shapes);
    }

    private static Set<ForeignKeyShape> foreignKeys(SchemaModel model) {
        Set<ForeignKeyShape> shapes = new java.util.LinkedHashSet<>();
        for (Table t : model.tables()) {
            for (ForeignKey f : t.foreignKeys()) {
                shapes.add(new ForeignKeyShape(t.name().toString(), f.name(), f.columns(), f.referencedTable(), f.referencedColumns()));
            }
        }
        return sorted(shapes);
    }

    private static <T> Set<T> sorted(Set<T> shapes) {
        Set<T> sorted = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
        sorted.addAll(shapes);
        return sorted;
    }
}
