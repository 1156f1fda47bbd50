package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The commands as a user runs them: exit codes, and plain messages instead of stack traces. */
class CliTest {
    private static final RunningPostgres pg = SharedPostgres.get();

    record Outcome(int exitCode, String out, String err) {}

    static Outcome run(String... args) {
        return runCommand(new Seedfleet(), args);
    }

    /** One command, set up by the test (a masking secret, say), run as Seedfleet runs it. */
    static Outcome runCommand(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Seedfleet.run(command, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static String exampleDatabase(String name) throws Exception {
        String url = pg.createDatabase(name);
        ExampleSchema.create(new JdbcTarget(url, pg.user(), pg.password()));
        return url;
    }

    @Test
    void generatesThenValidatesThenCatchesCorruption() throws Exception {
        String url = exampleDatabase("cli_generate");
        Outcome generated = run("generate", "--target", url, "--user", pg.user(), "--rows", "30", "--table-rows", "app.users=200", "--seed", "7");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("app.users", "200", "reproduce with --seed 7");

        Outcome clean = run("validate", "--target", url, "--user", pg.user());
        assertThat(clean.exitCode()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("0 failed");

        // Corrupt the data behind the constraints' back (as a bulk load with triggers off would).
        try (Connection c = new JdbcTarget(url, pg.user(), pg.password()).open(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE app.tasks DISABLE TRIGGER ALL");
            s.execute("UPDATE app.tasks SET project_id = 999999 WHERE id IN (SELECT id FROM app.tasks ORDER BY id LIMIT 2)");
            s.execute("ALTER TABLE app.tasks ENABLE TRIGGER ALL");
        }
        java.nio.file.Path reports = java.nio.file.Files.createTempDirectory("seedfleet-reports");
        Outcome corrupted = run("validate", "--target", url, "--user", pg.user(), "--report-dir", reports.toString());
        assertThat(corrupted.exitCode()).isEqualTo(1);
        assertThat(corrupted.out()).contains("app.tasks").contains("2 violations");
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CliTest.class.getResource("/junit.xsd")).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(reports.resolve("validation-junit.xml").toFile()));
        var junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("validation-junit.xml").toFile()).getDocumentElement();
        assertThat(junit.getAttribute("failures")).isEqualTo("1");
        assertThat(Integer.parseInt(junit.getAttribute("tests"))).isEqualTo(junit.getElementsByTagName("testcase").getLength()).isGreaterThan(200);
        var json = io.seedfleet.core.event.Events.JSON.readTree(reports.resolve("validation-report.json").toFile());
        assertThat(json.get("results").size()).isEqualTo(json.get("checks").asInt());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("failed").asInt()).isEqualTo(1);

        Outcome again = run("generate", "--target", url, "--user", pg.user(), "--rows", "5");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds rows").doesNotContain("\tat ");
    }

    @Test
    void validatesFilesAgainstASchemaWithoutADatabase() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("seedfleet-files");
        java.nio.file.Path ddl = dir.resolve("schema.sql");
        java.nio.file.Files.writeString(ddl, """
                CREATE TABLE orgs (id int PRIMARY KEY, name text NOT NULL);
                CREATE TABLE people (id int PRIMARY KEY, org_id int NOT NULL REFERENCES orgs, email text UNIQUE,
                                     age int CHECK (age BETWEEN 0 AND 130));
                """);
        java.nio.file.Path clean = java.nio.file.Files.createDirectory(dir.resolve("clean"));
        java.nio.file.Files.writeString(clean.resolve("orgs.csv"), "id,name\n1,Acme\n2,\"Globex, Inc.\"\n");
        java.nio.file.Files.writeString(clean.resolve("public.people.csv"), "id,org_id,email,age\n1,1,a@example.com,30\n2,2,,40\n");
        Outcome ok = run("validate", "--schema", ddl.toString(), "--data", clean.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();

        java.nio.file.Path broken = java.nio.file.Files.createDirectory(dir.resolve("broken"));
        java.nio.file.Files.writeString(broken.resolve("orgs.csv"), "id,name\n1,Acme\n1,Again\n3,\n");
        java.nio.file.Files.writeString(broken.resolve("people.jsonl"), """
                {"id": 1, "org_id": 1, "email": "a@example.com", "age": 30}
                {"id": 2, "org_id": 9, "email": "a@example.com", "age": 200}
                """);
        Outcome bad = run("validate", "--schema", ddl.toString(), "--data", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("unique on public.orgs (orgs_pkey): 1 violation", "not-null on public.orgs", "foreign-key on public.people",
                "unique on public.people (people_email_key): 1 violation", "check on public.people (people_age_check): 1 violation");

        java.nio.file.Path hostile = java.nio.file.Files.createDirectory(dir.resolve("hostile"));
        java.nio.file.Files.writeString(hostile.resolve("orgs.csv"), "id,name) FROM STDIN; DROP TABLE orgs; --\n1,x\n");
        java.nio.file.Files.writeString(hostile.resolve("people.csv"), "id,org_id,email,age\n1,1,x@example.com,not-a-number\n");
        Outcome refused = run("validate", "--schema", ddl.toString(), "--data", hostile.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("FAILED load on public.orgs", "FAILED load on public.people");
    }

    @Test
    void badInputGetsAMessageNotAStackTrace() throws Exception {
        Outcome unreachable = run("validate", "--target", "jdbc:postgresql://127.0.0.1:1/nowhere", "--user", "x", "--password", "secret-pw");
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).startsWith("error: ").doesNotContain("\tat ").doesNotContain("secret-pw");

        Outcome notJdbc = run("generate", "--target", "postgres://localhost/x");
        assertThat(notJdbc.exitCode()).isEqualTo(2);
        assertThat(notJdbc.err()).contains("not a JDBC URL");

        String url = exampleDatabase("cli_bad_table");
        Outcome unknownTable = run("generate", "--target", url, "--user", pg.user(), "--table-rows", "nosuch=5");
        assertThat(unknownTable.exitCode()).isEqualTo(2);
        assertThat(unknownTable.err()).contains("nosuch").contains("no such table");
        try (Connection c = new JdbcTarget(url, pg.user(), pg.password()).open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM app.users")) {
            rs.next();
            assertThat(rs.getLong(1)).as("nothing written").isZero();
        }
    }
}
