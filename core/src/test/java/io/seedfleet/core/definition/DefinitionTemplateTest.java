package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starter definition reads back cleanly (reader, checker, JSON Schema) and spells out what the engine infers. */
class DefinitionTemplateTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    private static SchemaModel saas;
    private static String text;
    private static DataDefinition starter;

    @BeforeAll
    static void writeForTheExampleSchema() throws Exception {
        saas = TestDatabases.introspect(TestDatabases.withExampleSchema("definition_template_saas"));
        text = DefinitionTemplate.write(saas);
        starter = readsBackCleanly(text, saas);
    }

    private static DataDefinition readsBackCleanly(String yaml, SchemaModel schema) throws Exception {
        List<DefinitionDocument> documents = DefinitionReader.readDocuments("starter.yaml", yaml);
        assertThat(documents).hasSize(1);
        assertThat(DefinitionChecker.check(documents.get(0), schema)).isEmpty();
        assertThat(DefinitionSchemaTest.documents(yaml)).singleElement()
                .satisfies(d -> assertThat(DefinitionSchemaTest.validate(d)).isEmpty());
        return documents.get(0).definition();
    }

    private static FieldRule rule(String table, String column) {
        return starter.spec().tables().get(table).fields().get(column);
    }

    @Test
    void everyTableHasItsVolumeAndEveryColumnARuleOrAComment() {
        assertThat(starter.spec().tables()).hasSize(saas.tables().size());
        for (Table t : saas.tables()) {
            TableSpec spec = starter.spec().tables().get(t.name().toString());
            assertThat(spec.rows()).as(t.name().toString()).isPositive();
            String section = section(t.name().toString());
            for (Column c : t.columns()) {
                boolean commented = section.contains("# " + c.name() + ": ");
                assertThat(spec.fields().containsKey(c.name()) != commented).as(t.name() + "." + c.name() + " has a rule or a comment, not both")
                        .isTrue();
            }
        }
        assertThat(starter.spec().defaults().rows()).isEqualTo(1000L);
        assertThat(starter.spec().scenarios()).isEmpty();
        assertThat(starter.spec().validations()).isEmpty();
    }

    /** The lines the starter writes for one table. */
    private static String section(String table) {
        int start = text.indexOf("\n    " + table + ":\n");
        assertThat(start).as(table).isPositive();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n {2,4}[^ #]").matcher(text);
        int end = next.find(start + table.length() + 6) ? next.start() : text.length();
        return text.substring(start, end);
    }

    @Test
    void rulesSpellOutWhatTheEngineInfers() {
        assertThat(rule("app.users", "email").generator()).isEqualTo("email");
        assertThat(rule("app.users", "first_name").generator()).isEqualTo("first_name");
        assertThat(rule("app.users", "is_active").probability()).isEqualTo(0.5);
        assertThat(rule("app.tasks", "status").choices().values())
                .containsExactly("backlog", "todo", "in_progress", "in_review", "done", "cancelled");
        assertThat(rule("app.tasks", "status").choices().weights()).containsOnly(1).hasSize(6);
        assertThat(rule("app.projects", "visibility").choices().values()).containsExactlyInAnyOrder("private", "internal", "public");
        assertThat(rule("app.tasks", "priority").range()).satisfies(r -> {
            assertThat(r.min()).isEqualTo(1.0);
            assertThat(r.max()).isEqualTo(5.0);
        });
        assertThat(rule("app.payment_methods", "exp_month").range().max()).isEqualTo(12.0);
    }

    @Test
    void columnsTheEngineMakesAreCommentsNotRules() {
        Map<String, FieldRule> tasks = starter.spec().tables().get("app.tasks").fields();
        assertThat(tasks).doesNotContainKeys("id", "project_id", "reporter_id", "parent_task_id");
        assertThat(section("app.tasks")).contains("# id: numbered by the database (identity)", "# project_id: references app.projects");
        assertThat(starter.spec().tables().get("app.invoice_line_items").fields()).doesNotContainKey("id");
        assertThat(section("app.invoice_line_items")).contains("# id: numbered by the database (sequence)");
    }

    @Test
    void pagilaToo() throws Exception {
        Path ddl = SCHEMAS.resolve("pagila").resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + SCHEMAS.toAbsolutePath());
        SchemaModel pagila = TestDatabases.introspect(TestDatabases.create("definition_template_pagila", Files.readString(ddl)));
        DataDefinition d = readsBackCleanly(DefinitionTemplate.write(pagila), pagila);
        assertThat(d.spec().tables()).hasSize(pagila.tables().size());
        long booleans = pagila.tables().stream().flatMap(t -> t.columns().stream()).filter(c -> c.type().kind() == TypeKind.BOOLEAN).count();
        long probabilities = d.spec().tables().values().stream().flatMap(t -> t.fields().values().stream()).filter(r -> r.probability() != null).count();
        assertThat(probabilities).isEqualTo(booleans);
    }

    @Test
    void anEmptySchemaGivesAnEmptyButValidStarter() throws Exception {
        DataDefinition d = readsBackCleanly(DefinitionTemplate.write(new SchemaModel(List.of())), new SchemaModel(List.of()));
        assertThat(d.spec().tables()).isEmpty();
    }
}
