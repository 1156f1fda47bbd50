package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.MaskingCompleted;
import io.seedfleet.core.event.MaskingRequested;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.testkit.CloudEventsClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production database masked through the fleet (coordinator, masking worker, validator as
 * processes, real Kafka and PostgreSQL), compared with the CLI's {@code mask} of the same database
 * with the same secret and rules: the same tables, byte for byte, no leak, every join and constraint
 * kept, the source untouched, and a redelivered range not written twice.
 */
class FleetMaskingTest {
    /** Users in "production" (about 50 rows each in all); {@code -Dseedfleet.fleet-masking.users=4000} measures a larger copy. */
    private static final long USERS = Long.getLong("seedfleet.fleet-masking.users", 400);
    /** Rows a key range: 150 splits app.users into ranges (the CLI below copies it in one); raise it with USERS to measure. */
    private static final int CHUNK_ROWS = Integer.getInteger("seedfleet.fleet-masking.chunk-rows", 150);
    private static LocalFleet fleet;
    private static CloudEventsClient events;
    private static JdbcTarget production;
    private static String rules;

    @BeforeAll
    static void startFleet(@TempDir Path dir) throws Exception {
        fleet = LocalFleet.start(Path.of("..").toAbsolutePath().normalize(), 0, new PrintWriter(new StringWriter()));
        events = new CloudEventsClient(fleet.bootstrapServers(), EventType.MASKING_COMPLETED.topic(), EventType.GENERATION_FAILED.topic(),
                EventType.VALIDATION_COMPLETED.topic(), EventType.CHUNK_COMPLETED.topic(), EventType.CHUNK_FAILED.topic(),
                EventType.MASKING_WORK.topic());
        // Production as MaskCommandTest builds it: the example schema, 400 users with real-looking personal data.
        production = database("prod");
        ExampleSchema.create(production);
        Outcome generated = CliTest.run(withCredentials(List.of("generate", "--target", production.url(), "--rows", "30",
                "--table-rows", "app.users=" + USERS, "--seed", "3", "--edge-case-rate", "0")));
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        // The rules the scanner proposes, unedited (names faked from the engine's pools, e-mails masked, ...).
        Path proposed = dir.resolve("rules.yaml");
        Outcome scan = CliTest.run(withCredentials(List.of("scan-pii", "--source", production.url(), "--propose", proposed.toString())));
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        rules = Files.readString(proposed);
        assertThat(rules).contains("masking:", "method: fake");
    }

    @AfterAll
    static void stopFleet() {
        if (events != null) events.close();
        if (fleet != null) fleet.close();
    }

    @Test
    void masksThroughTheFleetExactlyAsTheCliDoes(@TempDir Path dir) throws Exception {
        SchemaModel model = introspect(production);
        Map<String, String> sourceBefore = contentHashes(production, model);
        JdbcTarget fleetCopy = database("fleet_copy");
        String runId = "mask-" + UUID.randomUUID();
        submit(new MaskingRequested(runId, target(production), target(fleetCopy), rules, null, true, CHUNK_ROWS));

        // Delivered again while the run goes on (as after a worker's crash before its offset commit).
        ConsumerRecord<String, byte[]> firstWork = events.await(1, r -> r.topic().equals(EventType.MASKING_WORK.topic())
                && r.key() != null && r.key().startsWith(runId + "/")).get(0);
        MaskingWork redelivered = Events.fromJson(firstWork.value(), MaskingWork.class);
        events.send(EventType.MASKING_WORK.topic(), EventType.MASKING_WORK.type(), firstWork.key(), firstWork.value());

        ConsumerRecord<String, byte[]> end = events.await(1, r -> runId.equals(r.key())
                && (r.topic().equals(EventType.MASKING_COMPLETED.topic()) || r.topic().equals(EventType.GENERATION_FAILED.topic()))).get(0);
        assertThat(end.topic()).as("run %s: %s", runId, new String(end.value())).isEqualTo(EventType.MASKING_COMPLETED.topic());
        MaskingCompleted done = Events.fromJson(end.value(), MaskingCompleted.class);
        System.out.printf("fleet masked %,d rows of %d tables in %d ms (%,.0f rows/s), %d leaked values of %,d checked%n", done.totalRows(),
                done.rowsPerTable().size(), done.durationMs(), done.rowsPerSecond(), done.leakCount(), done.valuesChecked());
        assertThat(done.leakCount()).as("leaks: %s", done.leaks()).isZero();
        assertThat(done.valuesChecked()).isPositive();
        assertThat(done.rowsPerTable()).containsEntry("app.users", USERS);

        // The redelivered range was answered from the ledger (or refused once the run had ended), never written again.
        ConsumerRecord<String, byte[]> answer = events.await(1, r -> runId.equals(r.key()) && isAnswerTo(r, redelivered)).get(0);
        System.out.println("redelivered range answered: " + new String(answer.value()));
        for (Table table : model.tables()) {
            assertThat(count(fleetCopy, "SELECT count(*) FROM " + table.name().sql())).as(table.name().toString())
                    .isEqualTo(count(production, "SELECT count(*) FROM " + table.name().sql()));
        }

        // The validator checked the masked copy as it checks generated data.
        ValidationCompleted verdict = Events.fromJson(events.await(1, r -> runId.equals(r.key())
                && r.topic().equals(EventType.VALIDATION_COMPLETED.topic())).get(0).value(), ValidationCompleted.class);
        assertThat(verdict.checks()).isNotEmpty().allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(verdict.checks()).anyMatch(check -> check.name().contains("foreign"));

        // Joins return what they returned on the source.
        long joined = 0;
        for (Table table : model.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                String join = join(table, fk);
                long before = count(production, join);
                assertThat(count(fleetCopy, join)).as(table.name() + "." + fk.name()).isEqualTo(before);
                joined += before;
            }
        }
        assertThat(joined).isGreaterThan(USERS);

        // The CLI's mask, same secret and rules, makes the very same tables.
        Path rulesFile = dir.resolve("rules.yaml");
        Files.writeString(rulesFile, rules);
        JdbcTarget cliCopy = database("cli_copy");
        MaskCommand mask = new MaskCommand();
        String secret = fleet.maskingSecret();
        mask.secret = () -> MaskingSecret.of(secret);
        Outcome cli = CliTest.runCommand(mask, withCredentials(List.of("--source", production.url(), "--target", cliCopy.url(),
                "--rules", rulesFile.toString(), "--strict")));
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        cli.out().lines().filter(l -> l.startsWith("masked ") || l.startsWith("leak check")).forEach(l -> System.out.println("cli " + l));
        Map<String, String> fleetTables = contentHashes(fleetCopy, model);
        assertThat(fleetTables).isEqualTo(contentHashes(cliCopy, model));
        assertThat(fleetTables.get("app.users")).isNotEqualTo(sourceBefore.get("app.users"));

        // The source is never written to.
        assertThat(contentHashes(production, model)).isEqualTo(sourceBefore);
    }

    @Test
    void strictRefusesPersonalDataWithoutARuleAndLeavesTheTargetEmpty() throws Exception {
        JdbcTarget copy = database("fleet_strict");
        String runId = "mask-strict-" + UUID.randomUUID();
        String partial = """
                apiVersion: seedfleet.io/v1
                kind: DataDefinition
                metadata:
                  name: partial
                spec:
                  masking:
                    app.users:
                      first_name: {method: redact}
                """;
        submit(new MaskingRequested(runId, target(production), target(copy), partial, null, true));
        ConsumerRecord<String, byte[]> end = events.await(1, r -> runId.equals(r.key())
                && (r.topic().equals(EventType.MASKING_COMPLETED.topic()) || r.topic().equals(EventType.GENERATION_FAILED.topic()))).get(0);
        assertThat(end.topic()).isEqualTo(EventType.GENERATION_FAILED.topic());
        GenerationFailed failed = Events.fromJson(end.value(), GenerationFailed.class);
        assertThat(failed.reason()).contains("strict", "app.users.email");
        assertThat(failed.targetUntouched()).isTrue();
        assertThat(count(copy, "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).isZero();
    }

    private static boolean isAnswerTo(ConsumerRecord<String, byte[]> r, MaskingWork work) {
        if (r.topic().equals(EventType.CHUNK_COMPLETED.topic())) {
            ChunkCompleted c = Events.fromJson(r.value(), ChunkCompleted.class);
            return c.table().equals(work.table()) && c.rowStart() == work.chunk() && c.alreadyWritten();
        }
        if (r.topic().equals(EventType.CHUNK_FAILED.topic())) {
            ChunkFailed f = Events.fromJson(r.value(), ChunkFailed.class);
            return f.table().equals(work.table()) && f.rowStart() == work.chunk() && f.error().contains("no longer written");
        }
        return false;
    }

    private static void submit(MaskingRequested request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + fleet.coordinatorPort() + "/api/v1/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Events.toJson(request))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains(request.runId());
    }

    private static String[] withCredentials(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--user", fleet.postgres().user()));
        if (fleet.postgres().password() != null) all.addAll(List.of("--password", fleet.postgres().password()));
        return all.toArray(String[]::new);
    }

    private static JdbcTarget database(String prefix) {
        return new JdbcTarget(fleet.postgres().createDatabase("mask_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8)),
                fleet.postgres().user(), fleet.postgres().password());
    }

    private static Target target(JdbcTarget db) {
        return new Target(db.url(), db.user(), db.password());
    }

    private static SchemaModel introspect(JdbcTarget db) throws Exception {
        try (Connection c = db.open()) {
            return PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
    }

    private static String join(Table table, ForeignKey fk) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            on.add("p." + Identifiers.quote(fk.referencedColumns().get(i)) + " = c." + Identifiers.quote(fk.columns().get(i)));
        }
        return "SELECT count(*) FROM " + table.name().sql() + " c JOIN " + fk.referencedTable().sql() + " p ON " + String.join(" AND ", on);
    }

    private static long count(JdbcTarget db, String sql) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What each table of the model holds: an md5 over every row's text, in a fixed order. */
    private static Map<String, String> contentHashes(JdbcTarget db, SchemaModel model) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (Table table : model.tables()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM "
                        + table.name().sql() + " t")) {
                    rs.next();
                    hashes.put(table.name().toString(), rs.getString(1));
                }
            }
        }
        return hashes;
    }
}
