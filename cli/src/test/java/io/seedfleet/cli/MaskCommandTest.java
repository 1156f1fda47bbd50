package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.pii.PiiScanner;
import io.seedfleet.masking.proof.LeakCheck;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCommandTest {
    private static final RunningPostgres pg = SharedPostgres.get();
    private static final String SECRET = "cli-test-secret-0123456789abcdef";
    private static String production;

    static MaskCommand mask() {
        MaskCommand command = new MaskCommand();
        command.secret = () -> MaskingSecret.of(SECRET);
        return command;
    }

    @BeforeAll
    static void production() throws Exception {
        production = pg.createDatabase("cli_mask_prod");
        ExampleSchema.create(new JdbcTarget(production, pg.user(), pg.password()));
        Outcome generated = CliTest.run("generate", "--target", production, "--user", pg.user(), "--rows", "30",
                "--table-rows", "app.users=400", "--seed", "3", "--edge-case-rate", "0");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = new JdbcTarget(url, pg.user(), pg.password()).open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void scansProposesMasksAndReports(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Outcome scan = CliTest.run("scan-pii", "--source", production, "--user", pg.user(), "--propose", rules.toString());
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("app.users.email", "EMAIL");
        assertThat(Files.readString(rules)).contains("masking:", "app.users");

        Outcome json = CliTest.run("scan-pii", "--source", production, "--user", pg.user(), "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().trim()).startsWith("[").contains("\"kind\" : \"EMAIL\"");

        // Hashing the word-like columns instead leaves nothing to find.
        Path hashed = dir.resolve("hashed.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode definition = yaml.readTree(rules.toFile());
        definition.get("spec").get("masking").forEach(table -> table.forEach(rule -> {
            if (rule.get("method").asText().equals("fake")) ((ObjectNode) rule).put("method", "hash").remove("params");
        }));
        yaml.writeValue(hashed.toFile(), definition);
        String copy = pg.createDatabase("cli_mask_copy");
        Path reports = dir.resolve("reports");
        Outcome masked = CliTest.runCommand(mask(), "--source", production, "--target", copy, "--user", pg.user(), "--rules", hashed.toString(),
                "--strict", "--standard", "hipaa", "--report-dir", reports.toString());
        // Surnames such as Brown or Gray are also label colours, unmasked and not personal there: reported as
        // shared (the source already held them in that column), never as leaks, so the run exits 0.
        assertThat(masked.out()).contains("rows/s", "leak check: 0 leaked values");
        assertThat(masked.exitCode()).as(masked.out() + masked.err()).isZero();
        assertThat(masked.out().lines().filter(l -> l.contains(" -> ")).toList()).isEmpty();
        assertThat(masked.out().lines().filter(l -> l.contains("shared, not leaked")).toList()).allMatch(l -> l.contains("~ app.labels.color:"));
        assertThat(masked.out() + masked.err()).doesNotContain(SECRET);
        assertThat(count(copy, "SELECT count(*) FROM app.users")).isEqualTo(400);
        assertThat(count(copy, "SELECT count(*) FROM app.users u JOIN app.memberships m ON m.user_id = u.id"))
                .isEqualTo(count(production, "SELECT count(*) FROM app.users u JOIN app.memberships m ON m.user_id = u.id"));
        assertThat(Files.readString(reports.resolve("privacy-report.json"))).contains("\"standard\" : \"hipaa\"", "6. email addresses");
        assertThat(Files.readString(reports.resolve("statistics-report.json"))).contains("\"distance\"");
        assertThat(Files.readString(reports.resolve("leak-report.json"))).contains("\"valuesChecked\"");
    }

    @Test
    void theProposedRulesUneditedMaskWithoutALeakKeepJoinsAndValidate(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Outcome scan = CliTest.run("scan-pii", "--source", production, "--user", pg.user(), "--propose", rules.toString());
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(Files.readString(rules)).as("names are faked from the engine's pools").contains("method: fake");

        // Fakes come from the same pools as the real names; the run re-draws any fake that is a source value.
        String copy = pg.createDatabase("cli_mask_proposed");
        Outcome masked = CliTest.runCommand(mask(), "--source", production, "--target", copy, "--user", pg.user(), "--rules", rules.toString(), "--strict");
        System.out.print(masked.out());
        assertThat(masked.exitCode()).as(masked.out() + masked.err()).isZero();
        assertThat(masked.out()).contains("rows/s", "leak check: 0 leaked values");
        assertThat(masked.out().lines().filter(l -> l.contains(" -> ")).toList()).as("no masked or personal column holds a source value").isEmpty();
        assertThat(masked.out().lines().filter(l -> l.contains("shared, not leaked")).toList()).allMatch(l -> l.contains("~ app.labels.color:"));

        JdbcTarget source = new JdbcTarget(production, pg.user(), pg.password());
        JdbcTarget target = new JdbcTarget(copy, pg.user(), pg.password());
        SchemaModel model;
        List<ColumnRef> personal;
        LeakCheck.Fingerprints fingerprints;
        try (Connection c = source.open()) {
            model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            personal = PiiScanner.scan(c, model, 1000).stream().map(f -> new ColumnRef(f.table(), f.column())).distinct().toList();
            fingerprints = LeakCheck.fingerprint(c, personal);
        }
        assertThat(personal).contains(LeakCheck.column("app.users.first_name"), LeakCheck.column("app.users.last_name"));
        long joins = 0;
        for (Table table : model.tables()) {
            assertThat(count(copy, "SELECT count(*) FROM " + table.name().sql())).as(table.name().toString())
                    .isEqualTo(count(production, "SELECT count(*) FROM " + table.name().sql()));
            for (ForeignKey fk : table.foreignKeys()) {
                List<String> on = new ArrayList<>();
                for (int i = 0; i < fk.columns().size(); i++) {
                    on.add("p." + Identifiers.quote(fk.referencedColumns().get(i)) + " = c." + Identifiers.quote(fk.columns().get(i)));
                }
                String join = "SELECT count(*) FROM " + table.name().sql() + " c JOIN " + fk.referencedTable().sql() + " p ON " + String.join(" AND ", on);
                long before = count(production, join);
                assertThat(count(copy, join)).as(table.name() + "." + fk.name()).isEqualTo(before);
                joins += before;
            }
        }
        assertThat(joins).as("rows joined through foreign keys").isGreaterThan(400);
        try (Connection c = target.open()) {
            List<CheckResult> results = PostgresValidator.validate(c, PostgresIntrospector.introspect(c, IntrospectionOptions.all()), Map.of());
            assertThat(results).filteredOn(r -> !r.passed()).isEmpty();
            assertThat(results).filteredOn(r -> r.name().equals(PostgresValidator.FOREIGN_KEY)).isNotEmpty();
            // The strict leak check as a validator check: only values the unmasked label colours already held fail it.
            List<CheckResult> leaks = LeakCheck.asValidatorCheck(fingerprints).run(c, PostgresIntrospector.introspect(c, IntrospectionOptions.all()));
            assertThat(leaks).hasSize(personal.size());
            assertThat(leaks).filteredOn(r -> !r.passed()).allSatisfy(r -> assertThat(r.examples()).allMatch(e -> e.startsWith("app.labels.color:")));
        }
    }

    @Test
    void strictRefusesPersonalDataWithoutARule(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("partial.yaml");
        Files.writeString(rules, """
                apiVersion: seedfleet.io/v1
                kind: DataDefinition
                metadata:
                  name: partial
                spec:
                  masking:
                    app.users:
                      first_name: {method: redact}
                """);
        String copy = pg.createDatabase("cli_mask_strict");
        Outcome refused = CliTest.runCommand(mask(), "--source", production, "--target", copy, "--user", pg.user(), "--rules", rules.toString(), "--strict");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--strict", "app.users.email");
        assertThat(count(copy, "SELECT count(*) FROM pg_tables WHERE schemaname = 'app'")).isZero();
    }

    @Test
    void refusesABadSubsetPlainly() {
        String copy = pg.createDatabase("cli_mask_badsubset");
        Outcome refused = CliTest.runCommand(mask(), "--source", production, "--target", copy, "--user", pg.user(), "--subset", "app.users");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--subset takes table:N% or table:WHERE condition").doesNotContain("Exception");
    }

    @Test
    void scansASchemaFileByNamesOnly() {
        Path ddl = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas")).resolve("pagila").resolve("schema.sql");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(ddl), "shared schemas not found");
        Outcome scan = CliTest.run("scan-pii", "--source", ddl.toString());
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("public.customer.email", "EMAIL", "public.customer.first_name");
    }
}
