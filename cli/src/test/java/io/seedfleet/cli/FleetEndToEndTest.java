package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet as it runs for users: a real Kafka broker and PostgreSQL, the three services as separate
 * processes, requests and results as CloudEvents. The dataset must not depend on how many workers
 * made it, on the chunk size, or on whether the fleet or the in-process CLI made it.
 */
class FleetEndToEndTest {
    private static final long SEED = 20261121L;
    private static final Map<String, Long> ROWS = ExampleSchema.rows(20, 400);
    private static FleetSession session;
    private static LocalFleet fleet;
    private static FleetClient client;

    @BeforeAll
    static void startFleet() throws Exception {
        session = FleetSession.start(1);
        fleet = session.fleet;
        client = session.client;
    }

    @AfterAll
    static void stopFleet() {
        if (session != null) session.close();
    }

    @Test
    void sameDatasetWhateverTheWorkersChunksOrEngine() throws Exception {
        JdbcTarget oneWorker = exampleDatabase();
        GenerationCompleted a = generate(oneWorker, 300);
        assertValidationPassed(a.runId());

        fleet.addGeneratorWorkers(2);
        JdbcTarget threeWorkers = exampleDatabase();
        GenerationCompleted b = generate(threeWorkers, 300);
        JdbcTarget otherChunks = exampleDatabase();
        GenerationCompleted c = generate(otherChunks, 1_000);
        assertValidationPassed(c.runId());

        JdbcTarget inProcess = exampleDatabase();
        RunSummary d = cliGenerate(inProcess, 450);

        assertThat(a.tables()).hasSize(23).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
        assertThat(b.tables()).isEqualTo(a.tables());
        assertThat(c.tables()).isEqualTo(a.tables());
        assertThat(d.tables()).isEqualTo(a.tables());
        Map<String, String> content = contentHashes(oneWorker);
        assertThat(contentHashes(threeWorkers)).isEqualTo(content);
        assertThat(contentHashes(otherChunks)).isEqualTo(content);
        assertThat(contentHashes(inProcess)).isEqualTo(content);
    }

    /** The shipped definitions (the billing scenario, 10,000 users across 500 organisations) give the same tables through the fleet as through the CLI. */
    @Test
    void definitionsRunThroughTheFleetAsThroughTheCli(@org.junit.jupiter.api.io.TempDir Path store) throws Exception {
        Path examples = Path.of("../examples");
        JdbcTarget billingFleet = billingDatabase();
        GenerationCompleted billing = generate(billingFleet, 300, java.nio.file.Files.readString(examples.resolve("billing/billing.yaml")), "billing");
        // The validator worker also checks the definition's own SQL assertions, read from the rules the run recorded.
        assertThat(assertValidationPassed(billing.runId()).checks()).extracting(ValidationCompleted.CheckResult::constraint)
                .contains("periods run forwards", "usage within plan limits", "trials have an end");
        JdbcTarget billingCli = billingDatabase();
        assertThat(cliGenerateWithDefinition(billingCli, examples.resolve("billing/billing.yaml"), "billing", store)).isZero();
        assertThat(billing.tables().get("billing.subscriptions").rows()).isEqualTo(16);
        assertThat(contentHashes(billingCli)).isEqualTo(contentHashes(billingFleet));

        JdbcTarget saasFleet = exampleDatabase();
        GenerationCompleted saas = generate(saasFleet, 5_000, java.nio.file.Files.readString(examples.resolve("saas/saas-10k.yaml")), null);
        assertValidationPassed(saas.runId());
        assertThat(saas.tables().get("app.users").rows()).isEqualTo(10_000);
        assertThat(saas.tables().get("app.organizations").rows()).isEqualTo(500);
        JdbcTarget saasCli = exampleDatabase();
        assertThat(cliGenerateWithDefinition(saasCli, examples.resolve("saas/saas-10k.yaml"), null, store)).isZero();
        assertThat(contentHashes(saasCli)).isEqualTo(contentHashes(saasFleet));
    }

    private static JdbcTarget billingDatabase() throws Exception {
        JdbcTarget target = new JdbcTarget(fleet.postgres().createDatabase("billing_" + UUID.randomUUID().toString().substring(0, 8)),
                fleet.postgres().user(), fleet.postgres().password());
        try (Connection c = target.open()) {
            io.seedfleet.sources.ddl.PostgresDdlFiles.apply(c, java.util.List.of(Path.of("../examples/billing/schema.sql")));
        }
        return target;
    }

    private static int cliGenerateWithDefinition(JdbcTarget target, Path definition, String scenario, Path store) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("generate", "--target", target.url(), "--user", target.user(),
                "--definition", definition.toString(), "--seed", String.valueOf(SEED), "--store", store.toString()));
        if (scenario != null) args.addAll(java.util.List.of("--scenario", scenario));
        return CliTest.run(args.toArray(String[]::new)).exitCode();
    }

    private static JdbcTarget exampleDatabase() throws Exception {
        return session.exampleDatabase("e2e");
    }

    private static GenerationCompleted generate(JdbcTarget target, int chunkRows) throws Exception {
        return generate(target, chunkRows, null, null);
    }

    private static GenerationCompleted generate(JdbcTarget target, int chunkRows, String definition, String scenario) throws Exception {
        String runId = "e2e-" + UUID.randomUUID();
        client.request(new GenerationRequested(runId, new Target(target.url(), target.user(), target.password()),
                definition == null ? ROWS : null, definition == null ? 20L : null, definition == null ? 2.0 : null, SEED, chunkRows, null, null,
                definition, scenario));
        return session.awaitCompletion(runId, Duration.ofMinutes(3));
    }

    private static ValidationCompleted assertValidationPassed(String runId) {
        ValidationCompleted v = session.awaitValidation(runId);
        assertThat(v.checks()).isNotEmpty().allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(v.passed()).isTrue();
        return v;
    }

    private static RunSummary cliGenerate(JdbcTarget target, int chunkRows) throws Exception {
        SchemaModel schema;
        try (Connection c = target.open()) {
            schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
        return LocalRun.execute(target, Dataset.of(Planner.plan(schema, new RowCounts(ROWS, 20, 2.0), SEED)),
                new LocalRun.Options("cli", chunkRows, 2, false, p -> {}));
    }

    /** What the database holds, per table: an md5 over every row's text, in a fixed order. */
    private static Map<String, String> contentHashes(JdbcTarget target) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            for (String table : tableNames(c)) {
                String sql = "SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM " + QualifiedName.parse(table).sql() + " t";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    hashes.put(table, rs.getString(1));
                }
            }
        }
        return hashes;
    }

    private static Iterable<String> tableNames(Connection c) {
        return PostgresIntrospector.introspect(c, IntrospectionOptions.all()).tables().stream().map(t -> t.name().toString()).toList();
    }
}
