package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.event.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seedfleet inspect}: the text a person reads and the JSON a tool reads, checked against its published schema. */
class InspectCommandTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    private static final JsonSchema CONTRACT = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(InspectCommandTest.class.getResourceAsStream("/schemas/inspect.schema.json"));

    private static JsonNode inspectJson(String... sources) throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "--format", "json", "--source"));
        args.addAll(List.of(sources));
        Outcome outcome = CliTest.run(args.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode json = Events.JSON.readTree(outcome.out());
        assertThat(CONTRACT.validate(json)).as("inspect.schema.json").isEmpty();
        return json;
    }

    private static JsonNode table(JsonNode inspection, String name) {
        for (JsonNode t : inspection.get("tables")) if (t.get("name").asText().equals(name)) return t;
        throw new AssertionError("no table " + name);
    }

    private static JsonNode column(JsonNode table, String name) {
        for (JsonNode c : table.get("columns")) if (c.get("name").asText().equals(name)) return c;
        throw new AssertionError("no column " + name);
    }

    @Test
    void describesRolesKeysRelationshipsAndCyclesOfADdlFile() throws Exception {
        Path ddl = SCHEMAS.resolve("sakila_pg/schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found");
        JsonNode json = inspectJson(ddl.toString());

        assertThat(json.get("format").asText()).isEqualTo("seedfleet-inspect/1");
        assertThat(json.get("source").asText()).startsWith("PostgreSQL DDL: ");
        assertThat(json.get("summary").get("tables").asInt()).isEqualTo(json.get("tables").size()).isGreaterThan(10);
        JsonNode customer = table(json, "public.customer");
        assertThat(column(customer, "customer_id").get("role").asText()).isEqualTo("sequence");
        assertThat(column(customer, "email").get("role").asText()).isEqualTo("realistic");
        assertThat(column(customer, "email").get("semantic").asText()).isEqualTo("email");
        assertThat(column(customer, "address_id").get("role").asText()).isEqualTo("reference");
        assertThat(column(customer, "last_update").get("role").asText()).isEqualTo("timestamp");
        // sakila's NOT NULL store <-> staff cycle: one of its keys is dropped for the load and re-added
        assertThat(json.get("cycles").findValuesAsText("strategy")).contains("drop-and-readd");
        assertThat(json.get("manyToMany").findValuesAsText("junction")).contains("public.film_actor", "public.film_category");
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void textFormListsTablesCyclesAndWhatIsNotSupported() throws Exception {
        Path ddl = SCHEMAS.resolve("pagila/schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found");
        Outcome outcome = CliTest.run("inspect", "--source", ddl.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out())
                .contains("public.payment  [partitioned: RANGE (payment_date)")
                .contains("Many-to-many", "public.actor <-> public.film through public.film_actor")
                .contains("Triggers (fire during a load unless disabled)", "last_updated")
                .contains("Views (read, never written)", "public.actor_info");
    }

    /** Each source the shared schemas come in (and a live database) gives a report that meets the published contract. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "prisma_documenso/schema.prisma, Prisma schema, 51",
            "documenso/schema.sql, PostgreSQL DDL, 51",
            "jsonschema_jsonresume/schema.json, JSON Schema, 21",
            "openapi_petstore/petstore-expanded.yaml, OpenAPI, 3"})
    void everySourceKindGivesAReportOfTheSameForm(String file, String kind, int tables) throws Exception {
        Path source = SCHEMAS.resolve(file);
        assumeTrue(Files.isRegularFile(source), "shared schemas not found");
        JsonNode json = inspectJson(source.toString());
        assertThat(json.get("source").asText()).startsWith(kind + ": ");
        assertThat(json.get("tables")).hasSize(tables);
        assertThat(json.get("problems")).as("nothing stops generation").isEmpty();
    }

    @Test
    void aLiveDatabaseIsInspectedLikeItsDdl() throws Exception {
        Path ddl = SCHEMAS.resolve("chinook/schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found");
        io.seedfleet.testkit.RunningPostgres pg = io.seedfleet.testkit.SharedPostgres.get();
        String url = pg.createDatabase("inspect_live");
        try (var c = java.sql.DriverManager.getConnection(url, pg.user(), pg.password())) {
            io.seedfleet.sources.ddl.PostgresDdlFiles.apply(c, List.of(ddl));
        }
        Outcome live = CliTest.run("inspect", "--format", "json", "--user", pg.user(), "--source", url);
        assertThat(live.exitCode()).as(live.err()).isZero();
        JsonNode fromLive = Events.JSON.readTree(live.out());
        assertThat(CONTRACT.validate(fromLive)).isEmpty();
        assertThat(fromLive.get("tables")).isEqualTo(inspectJson(ddl.toString()).get("tables"));
    }

    @Test
    void badSourcesGetAPlainMessageAndExitCode2(@TempDir Path dir) throws Exception {
        Outcome missing = CliTest.run("inspect", "--source", dir.resolve("nope.sql").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.sql: no such file or folder").doesNotContain("\tat ");

        Path broken = Files.writeString(dir.resolve("broken.sql"), "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int REFERENCES missing);\n");
        Outcome refused = CliTest.run("inspect", "--source", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("broken.sql:2: CREATE TABLE b (a_id int REFERENCES missing)").contains("does not exist")
                .doesNotContain("\tat ");

        Path unknown = Files.writeString(dir.resolve("schema.txt"), "hello");
        Outcome unknownKind = CliTest.run("inspect", "--source", unknown.toString());
        assertThat(unknownKind.exitCode()).isEqualTo(2);
        assertThat(unknownKind.err()).contains("schema.txt: unknown kind of schema file");
    }
}
