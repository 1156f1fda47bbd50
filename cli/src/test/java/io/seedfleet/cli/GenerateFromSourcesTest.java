package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.event.Events;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --source <files>}: the schema is created in an empty target, then seeded and validated there. */
class GenerateFromSourcesTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    private static final RunningPostgres pg = SharedPostgres.get();

    private static void generatesIntoAnEmptyDatabaseAndValidates(String database, String... source) {
        String url = pg.createDatabase(database);
        String[] args = new String[source.length + 10];
        int i = 0;
        for (String a : new String[] {"generate", "--target", url, "--user", pg.user(), "--rows", "50", "--seed", "11", "--source"}) args[i++] = a;
        System.arraycopy(source, 0, args, i, source.length);
        Outcome generated = CliTest.run(args);
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("Created ").contains("reproduce with --seed 11");

        Outcome validated = CliTest.run("validate", "--target", url, "--user", pg.user());
        assertThat(validated.exitCode()).as(validated.out()).isZero();
        assertThat(validated.out()).contains("0 failed");
    }

    @Test
    void fromPostgresDdl() {
        Path ddl = SCHEMAS.resolve("chinook/schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found");
        generatesIntoAnEmptyDatabaseAndValidates("from_ddl", ddl.toString());
    }

    @Test
    void fromPrisma() {
        Path prisma = SCHEMAS.resolve("prisma_documenso/schema.prisma");
        assumeTrue(Files.isRegularFile(prisma), "shared schemas not found");
        generatesIntoAnEmptyDatabaseAndValidates("from_prisma", prisma.toString());
    }

    @Test
    void fromGraphql() throws Exception {
        Path sdl = Files.createTempDirectory("seedfleet-graphql").resolve("library.graphql");
        Files.writeString(sdl, """
                type Author { id: ID!  name: String!  email: String  books: [Book!]! }
                type Book { id: ID!  title: String!  published: Boolean!  pages: Int  author: Author!  tags: [Tag!]! }
                type Tag { id: ID!  label: String! }
                enum Genre { FICTION NON_FICTION }
                """);
        generatesIntoAnEmptyDatabaseAndValidates("from_graphql", sdl.toString());
    }

    @Test
    void triggersCanBeSwitchedOffForTheLoadAndComeBackAfterIt() throws Exception {
        String url = pg.createDatabase("triggers");
        try (var c = java.sql.DriverManager.getConnection(url, pg.user(), pg.password()); var s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE ledger_entry (id int PRIMARY KEY, amount numeric(10,2) NOT NULL);
                    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'entries come from the API'; END $$;
                    CREATE TRIGGER only_through_the_api BEFORE INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse();
                    """);
        }
        Outcome withTrigger = CliTest.run("generate", "--target", url, "--user", pg.user(), "--rows", "20");
        assertThat(withTrigger.exitCode()).isEqualTo(2);
        assertThat(withTrigger.err()).contains("entries come from the API").doesNotContain("\tat ");

        Outcome switchedOff = CliTest.run("generate", "--target", url, "--user", pg.user(), "--rows", "20", "--disable-triggers");
        assertThat(switchedOff.exitCode()).as(switchedOff.err()).isZero();
        try (var c = java.sql.DriverManager.getConnection(url, pg.user(), pg.password());
             var rs = c.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM ledger_entry), (SELECT tgenabled FROM pg_trigger WHERE tgname = 'only_through_the_api')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(20);
            assertThat(rs.getString(2)).as("enabled again").isEqualTo("O");
        }
    }

    @Test
    void documentsFromJsonSchemaValidateAgainstItAndRepeatForASeed(@TempDir Path dir) throws Exception {
        Path schema = SCHEMAS.resolve("jsonschema_jsonresume/schema.json");
        assumeTrue(Files.isRegularFile(schema), "shared schemas not found");
        Path first = dir.resolve("out/resumes.jsonl");
        Outcome written = CliTest.run("generate", "--source", schema.toString(), "--output", first.toString(), "--rows", "40", "--seed", "3");
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("Wrote 40 documents").contains("reproduce with --seed 3");
        List<String> lines = Files.readAllLines(first);
        assertThat(lines).hasSize(40);
        JsonSchema contract = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(schema));
        for (String line : lines) assertThat(contract.validate(Events.JSON.readTree(line))).as(line).isEmpty();

        Path second = dir.resolve("again.jsonl");
        CliTest.run("generate", "--source", schema.toString(), "--output", second.toString(), "--rows", "40", "--seed", "3");
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).doesNotContain("again.jsonl.partial").noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void documentsFromAnOpenApiRequestBody(@TempDir Path dir) throws Exception {
        Path api = SCHEMAS.resolve("openapi_petstore/petstore-expanded.yaml");
        assumeTrue(Files.isRegularFile(api), "shared schemas not found");
        Path out = dir.resolve("pets.jsonl");
        Outcome written = CliTest.run("generate", "--source", api + "#POST /pets", "--output", out.toString(), "--rows", "25", "--seed", "9");
        assertThat(written.exitCode()).as(written.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(25).allSatisfy(line -> assertThat(Events.JSON.readTree(line).get("name").isTextual()).isTrue());
    }

    @Test
    void documentSourcesRefuseATargetAndRelationalOnesRefuseAnOutput(@TempDir Path dir) throws Exception {
        Path schema = SCHEMAS.resolve("jsonschema_jsonresume/job-schema.json");
        Path ddl = SCHEMAS.resolve("chinook/schema.sql");
        assumeTrue(Files.isRegularFile(schema) && Files.isRegularFile(ddl), "shared schemas not found");
        Outcome intoDatabase = CliTest.run("generate", "--source", schema.toString(), "--target", pg.createDatabase("documents_target"), "--user", pg.user());
        assertThat(intoDatabase.exitCode()).isEqualTo(2);
        assertThat(intoDatabase.err()).contains("describes documents, not tables: use --output");
        Outcome tablesToFile = CliTest.run("generate", "--source", ddl.toString(), "--output", dir.resolve("x.jsonl").toString());
        assertThat(tablesToFile.exitCode()).isEqualTo(2);
        assertThat(tablesToFile.err()).contains("describes tables");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void aTargetWithOtherTablesIsRefusedAndLeftAlone() throws Exception {
        Path ddl = SCHEMAS.resolve("chinook/schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found");
        String url = pg.createDatabase("other_tables");
        try (var c = java.sql.DriverManager.getConnection(url, pg.user(), pg.password()); var s = c.createStatement()) {
            s.execute("CREATE TABLE unrelated (id int PRIMARY KEY)");
        }
        Outcome refused = CliTest.run("generate", "--target", url, "--user", pg.user(), "--source", ddl.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("the target has tables but not these of").contains("public.album").doesNotContain("\tat ");
        try (var c = java.sql.DriverManager.getConnection(url, pg.user(), pg.password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
