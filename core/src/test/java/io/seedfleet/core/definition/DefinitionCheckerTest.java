package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.Group;
import io.seedfleet.core.definition.DataDefinition.Range;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.definition.DataDefinition.Validation;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DefinitionCheckerTest {
    private static final Path CHECKER = DefinitionSchemaTest.FIXTURES.resolve("checker");

    /** organizations <- users (NOT NULL) ; organizations <- projects <- tasks -> users (nullable); memberships -> both; audit.users. */
    static SchemaModel schema() {
        ColumnType bigint = ColumnType.of(TypeKind.BIGINT, "bigint");
        ColumnType text = ColumnType.of(TypeKind.TEXT, "text");
        ColumnType timestamptz = ColumnType.of(TypeKind.TIMESTAMPTZ, "timestamptz");
        Column id = new Column("id", bigint, false, null, Column.Identity.ALWAYS, null, false, null);
        QualifiedName organizations = new QualifiedName("app", "organizations");
        QualifiedName users = new QualifiedName("app", "users");
        QualifiedName projects = new QualifiedName("app", "projects");
        return new SchemaModel(List.of(
                table(organizations, List.of(id, Column.of("name", text, false), Column.of("deleted_at", timestamptz, true)), List.of()),
                table(users, List.of(id, Column.of("organization_id", bigint, false), Column.of("email", ColumnType.text(TypeKind.VARCHAR, "varchar(320)", 320), false),
                                Column.of("name", text, false), Column.of("nickname", text, true), Column.of("first_name", text, true),
                                Column.of("role", ColumnType.enumOf("app.role", List.of("owner", "admin", "member")), false),
                                Column.of("is_active", ColumnType.of(TypeKind.BOOLEAN, "boolean"), false),
                                Column.of("score", ColumnType.of(TypeKind.INTEGER, "integer"), true),
                                Column.of("created_at", timestamptz, false),
                                new Column("full_name", text, true, null, Column.Identity.NONE, null, true, null)),
                        List.of(ForeignKey.of("users_org_fk", List.of("organization_id"), organizations, List.of("id")))),
                table(new QualifiedName("audit", "users"), List.of(id), List.of()),
                table(projects, List.of(id, Column.of("organization_id", bigint, false)),
                        List.of(ForeignKey.of("projects_org_fk", List.of("organization_id"), organizations, List.of("id")))),
                table(new QualifiedName("app", "tasks"), List.of(id, Column.of("project_id", bigint, false), Column.of("assignee_id", bigint, true)),
                        List.of(ForeignKey.of("tasks_project_fk", List.of("project_id"), projects, List.of("id")),
                                ForeignKey.of("tasks_assignee_fk", List.of("assignee_id"), new QualifiedName("audit", "users"), List.of("id")))),
                table(new QualifiedName("app", "memberships"), List.of(Column.of("organization_id", bigint, false), Column.of("user_id", bigint, false)),
                        List.of(ForeignKey.of("m_org_fk", List.of("organization_id"), organizations, List.of("id")),
                                ForeignKey.of("m_user_fk", List.of("user_id"), users, List.of("id"))))));
    }

    private static Table table(QualifiedName name, List<Column> columns, List<ForeignKey> fks) {
        List<UniqueKey> keys = columns.get(0).name().equals("id") ? List.of(UniqueKey.primaryKey(name.name() + "_pkey", List.of("id"))) : List.of();
        return new Table(name, columns, keys, fks, List.of(), null);
    }

    @Test
    void everyProblemIsReportedAtTheLineThatWroteIt() throws Exception {
        Path file = CHECKER.resolve("problems.yaml");
        Map<Integer, String> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            int marker = lines.get(i).indexOf("# expect: ");
            if (marker > 0 && !lines.get(i).startsWith("#")) expected.put(i + 1, lines.get(i).substring(marker + "# expect: ".length()));
        }
        List<DefinitionProblem> problems = DefinitionChecker.check(DefinitionReader.readOne(file), schema());

        assertThat(problems).extracting(DefinitionProblem::line).containsExactlyElementsOf(expected.keySet());
        for (DefinitionProblem p : problems) {
            assertThat(p.message()).as(p.toString()).contains(expected.get(p.line()));
            assertThat(p.source()).isEqualTo(file.toString());
            // The column is where the offending key or value starts on that line.
            assertThat(lines.get(p.line() - 1).substring(p.column() - 1)).as(p.toString()).doesNotStartWith(" ");
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aColumnPointsAtTheKeyThatNamesIt() {
        DefinitionDocument document = DefinitionReader.readOne(CHECKER.resolve("problems.yaml"));
        DefinitionProblem emial = DefinitionChecker.check(document, schema()).stream()
                .filter(p -> p.message().contains("emial")).findFirst().orElseThrow();
        assertThat(emial.toString()).endsWith("problems.yaml:13:9: spec.tables.app.users.fields.emial: app.users has no column 'emial'; did you mean email?");
    }

    @Test
    void aDefinitionThatFitsTheSchemaHasNoProblems() {
        DefinitionDocument document = DefinitionReader.readOne(CHECKER.resolve("valid.yaml"));
        assertThat(DefinitionChecker.check(document, schema())).isEmpty();
        DefinitionChecker.requireValid(document, schema());
    }

    @Provide
    Arbitrary<String> columnKeys() {
        DefinitionDocument valid = DefinitionReader.readOne(CHECKER.resolve("valid.yaml"));
        return Arbitraries.of(valid.definition().spec().tables().get("app.users").fields().keySet().stream().sorted().toList());
    }

    @Property(tries = 20)
    void aMisspelledColumnIsReportedAtItsKey(@ForAll("columnKeys") String column, @ForAll("typos") String typo) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(CHECKER.resolve("valid.yaml")));
        DefinitionDocument valid = DefinitionReader.readOne(CHECKER.resolve("valid.yaml"));
        DefinitionPath path = DefinitionPath.ROOT.key("spec").key("tables").key("app.users").key("fields").key(column);
        DefinitionLocations.Position key = valid.locations().key(path.pointer());
        String line = lines.get(key.line() - 1);
        lines.set(key.line() - 1, line.substring(0, key.column() - 1) + column + typo + line.substring(key.column() - 1 + column.length()));

        DefinitionDocument misspelled = DefinitionReader.readDocuments("typo.yaml", String.join("\n", lines)).get(0);
        assertThat(DefinitionChecker.check(misspelled, schema())).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(key.line());
            assertThat(p.column()).isEqualTo(key.column());
            assertThat(p.message()).startsWith("app.users has no column '" + column + typo + "'");
        });
    }

    @Provide
    Arbitrary<String> typos() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4).map(s -> "_" + s);
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        DefinitionDocument document = DefinitionReader.readOne(CHECKER.resolve("problems.yaml"));
        assertThatThrownBy(() -> DefinitionChecker.requireValid(document, schema()))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(20));
    }

    @Test
    void definitionsBuiltInCodeAreCheckedToo() {
        FieldRule badRange = new FieldRule(null, null, null, null, null, new Range(9.0, 1.0, null, null), null, null, null, null, 1.5, null);
        DataDefinition d = new DataDefinition("seedfleet.io/v2", DataDefinition.KIND, null, new Spec(null,
                Map.of("app.users", new TableSpec(5L, new DataDefinition.PerParent(null, 1, 2, null, null), Map.of("score", badRange))),
                null, Map.of("s", new Scenario(null, null, List.of(new Group(null, "app.users", -1, null, null)))),
                List.of(new Validation("no sql", null))));
        List<DefinitionProblem> problems = DefinitionChecker.check(d, schema(), DefinitionLocations.none("code"));
        assertThat(problems).extracting(DefinitionProblem::toString).containsExactlyInAnyOrder(
                "code: apiVersion: expected apiVersion seedfleet.io/v1",
                "code: spec.tables.app.users.perParent: give rows or perParent, not both",
                "code: spec.tables.app.users.fields.score.range.min: min 9 is greater than max 1",
                "code: spec.tables.app.users.fields.score.nullRate: must be within 0..1, found 1.5",
                "code: spec.scenarios.s.groups[0].count: count must not be negative",
                "code: spec.validations[0]: a validation needs sql (a query that returns no rows when the data is right)");
    }

    @Test
    void theExamplesFitTheirSchemas() throws Exception {
        Path examples = DefinitionSchemaTest.EXAMPLES;
        assumeTrue(Files.isDirectory(examples), "no examples at " + examples.toAbsolutePath());
        SchemaModel saas = TestDatabases.introspect(TestDatabases.withExampleSchema("definition_checker_saas"));
        SchemaModel billing = TestDatabases.introspect(TestDatabases.create("definition_checker_billing",
                Files.readString(examples.resolve("billing/schema.sql"))));
        List<DefinitionProblem> problems = new ArrayList<>();
        problems.addAll(DefinitionChecker.check(DefinitionReader.readOne(examples.resolve("saas/saas-10k.yaml")), saas));
        problems.addAll(DefinitionChecker.check(DefinitionReader.readOne(examples.resolve("billing/billing.yaml")), billing));
        assertThat(problems).isEmpty();
        // And the other way round, each is wrong for the other schema.
        assertThat(DefinitionChecker.check(DefinitionReader.readOne(examples.resolve("billing/billing.yaml")), saas)).isNotEmpty();
    }
}
