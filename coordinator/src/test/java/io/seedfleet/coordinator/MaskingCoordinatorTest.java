package io.seedfleet.coordinator;

import static io.restassured.RestAssured.given;
import static io.seedfleet.coordinator.FleetClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.seedfleet.coordinator.masking.SourceSnapshots;
import io.seedfleet.coordinator.run.RunRecovery;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.EventReader;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.MaskingCompleted;
import io.seedfleet.core.event.MaskingRequested;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.event.Target;
import io.seedfleet.masking.fleet.MaskingChunks;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.MaskingPlan;
import io.seedfleet.masking.run.MaskingRules;
import io.seedfleet.masking.run.Subset;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Masking runs in the coordinator against a real broker and PostgreSQL, the test playing the masking
 * worker with the masking module's {@link MaskingChunks}: ranges released level by level over one
 * snapshot, the copy finished and checked; and a restart failing a running copy and emptying its target.
 */
@QuarkusTest
@QuarkusTestResource(FleetTestResource.class)
class MaskingCoordinatorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RULES = """
            apiVersion: seedfleet.io/v1
            kind: DataDefinition
            metadata:
              name: small
            spec:
              masking:
                users:
                  email: {method: email}
                organisations:
                  name: {method: hash}
            """;
    private static FleetClient fleet;

    private static final String SECRET = "coordinator-test-secret-0123456789";

    private final MaskingChunks worker = new MaskingChunks("test-masking-worker", MaskingSecret.of(SECRET));

    @Inject
    RunRecovery recovery;

    @Inject
    SourceSnapshots snapshots;

    @BeforeEach
    void connect() {
        if (fleet == null) fleet = new FleetClient(FleetTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        if (fleet != null) fleet.close();
    }

    @Test
    void releasesRangesLevelByLevelAndFinishesTheCopy() throws Exception {
        Target source = source("mask_src_levels");
        Target target = empty("mask_dst_levels");
        String runId = "mask-levels";
        submit(new MaskingRequested(runId, source, target, RULES, null, false, 2));

        // Level 0 (organisations, tags), then users, then orders: each released once the one before is done.
        List<String> order = new ArrayList<>();
        String snapshot = null;
        MaskingCompleted completed = null;
        while (completed == null) {
            ConsumerRecord<String, byte[]> r = fleet.take(event(EventType.MASKING_WORK, runId).or(event(EventType.MASKING_COMPLETED, runId)), WAIT);
            if (EventType.MASKING_COMPLETED.type().equals(FleetClient.header(r, "ce_type"))) {
                completed = Events.fromJson(r.value(), MaskingCompleted.class);
                continue;
            }
            MaskingWork work = new EventReader<>(EventType.MASKING_WORK, MaskingWork.class).read(FleetClient.header(r, "ce_type"), r.value());
            assertThat(r.key()).isEqualTo(runId + "/" + work.table() + "/" + work.chunk());
            if (snapshot == null) snapshot = work.snapshot();
            assertThat(work.snapshot()).as("one snapshot for every range").isEqualTo(snapshot);
            order.add(work.stage() + ":" + work.table());
            ChunkCompleted done = worker.execute(work);
            fleet.send(EventType.CHUNK_COMPLETED, runId, done);
        }
        assertThat(order).containsSubsequence("0:public.organisations", "1:public.users", "2:public.orders");
        assertThat(order.stream().filter(o -> o.endsWith("public.users")).count()).as("users in ranges of 2 rows").isEqualTo(3);
        assertThat(order).isSortedAccordingTo((a, b) -> Character.compare(a.charAt(0), b.charAt(0)));

        assertThat(completed.leakCount()).as("%s", completed.leaks()).isZero();
        assertThat(completed.rowsPerTable()).containsEntry("public.users", 5L).containsEntry("public.orders", 8L);
        GenerationCompleted forValidator = Events.fromJson(fleet.take(event(EventType.GENERATION_COMPLETED, runId), WAIT).value(),
                GenerationCompleted.class);
        assertThat(forValidator.totalRows()).isEqualTo(completed.totalRows()).isEqualTo(18);
        assertThat(given().get("/api/v1/runs/" + runId).then().statusCode(200).extract().jsonPath().getString("state")).isEqualTo("COMPLETED");
        assertThat(count(target, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")).as("foreign keys back").isEqualTo(3);
        assertThat(count(target, "SELECT count(*) FROM public.users u JOIN public.organisations o ON o.id = u.organisation_id")).isEqualTo(5);
        assertThat(count(target, "SELECT count(*) FROM public.users WHERE email LIKE '%@acme.test'")).as("emails masked").isZero();
        assertThat(count(source, "SELECT count(*) FROM public.users WHERE email LIKE '%@acme.test'")).isEqualTo(5);
        assertThat(count(target, "SELECT count(*) FROM seedfleet_ledger.runs WHERE state = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void aSubsetThroughTheFleetCopiesWhatTheCliCopies() throws Exception {
        Target source = source("mask_src_subset");
        Target target = empty("mask_dst_subset");
        String runId = "mask-subset";
        List<String> subset = List.of("public.organisations:WHERE id = 1", "public.tags:WHERE label = 'gold'");
        // As an event this time, checked against its published schema first.
        MaskingRequested request = new MaskingRequested(runId, source, target, RULES, subset, false);
        new EventReader<>(EventType.MASKING_REQUESTED, MaskingRequested.class).read(EventType.MASKING_REQUESTED.type(), Events.toJson(request));
        fleet.send(EventType.MASKING_REQUESTED, runId, request);
        MaskingCompleted completed = playWorker(runId);
        assertThat(completed.leakCount()).isZero();

        Target cli = empty("mask_cli_subset");
        MaskingSecret secret = MaskingSecret.of(SECRET);
        MaskRun.execute(source.jdbc(), cli.jdbc(), new MaskingPlan(MaskingRules.fromDefinitions("rules", RULES),
                (rule, table, column) -> Maskers.of(rule, table, column, secret), subset.stream().map(Subset::parse).toList()),
                new MaskRun.Options(2, 1000));
        assertThat(tables(target)).isEqualTo(tables(cli));
        // Organisation 1, its one user (id 3), the gold tag, and the orders of that user that have the gold tag or none.
        assertThat(count(target, "SELECT count(*) FROM public.organisations")).isEqualTo(1);
        assertThat(count(target, "SELECT count(*) FROM public.users")).isEqualTo(1);
        assertThat(count(target, "SELECT count(*) FROM public.tags")).isEqualTo(1);
        assertThat(completed.rowsPerTable().get("public.users")).isEqualTo(1L);
    }

    /** Executes every masking range of the run as a worker would, until the run completes. */
    private MaskingCompleted playWorker(String runId) throws Exception {
        while (true) {
            ConsumerRecord<String, byte[]> r = fleet.take(event(EventType.MASKING_WORK, runId).or(event(EventType.MASKING_COMPLETED, runId)), WAIT);
            if (EventType.MASKING_COMPLETED.type().equals(FleetClient.header(r, "ce_type"))) {
                return new EventReader<>(EventType.MASKING_COMPLETED, MaskingCompleted.class).read(FleetClient.header(r, "ce_type"), r.value());
            }
            fleet.send(EventType.CHUNK_COMPLETED, runId, worker.execute(Events.fromJson(r.value(), MaskingWork.class)));
        }
    }

    /** Each table's rows as md5 over their text, in a fixed order. */
    private static java.util.Map<String, String> tables(Target db) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String table : List.of("public.organisations", "public.tags", "public.users", "public.orders")) {
            try (Connection c = db.jdbc().open(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t")) {
                rs.next();
                out.put(table, rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aRestartFailsARunningCopyClearlyAndEmptiesItsTarget() throws Exception {
        Target source = source("mask_src_restart");
        Target target = empty("mask_dst_restart");
        String runId = "mask-restart";
        submit(new MaskingRequested(runId, source, target, RULES, null, false, 2));
        MaskingWork work = Events.fromJson(fleet.take(event(EventType.MASKING_WORK, runId), WAIT).value(), MaskingWork.class);
        // Work is sent before the planning transaction commits; the run is RUNNING once it has.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"RUNNING".equals(given().get("/api/v1/runs/" + runId).then().extract().jsonPath().getString("state"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(100);
        }

        snapshots.closeAll(); // what a stopping coordinator does; the source transaction, and so the snapshot, ends
        recovery.recover();

        GenerationFailed failed = Events.fromJson(fleet.take(event(EventType.GENERATION_FAILED, runId), WAIT).value(), GenerationFailed.class);
        assertThat(failed.reason()).contains("coordinator restarted", "snapshot", "submit the request again");
        assertThat(failed.targetUntouched()).isTrue();
        assertThat(given().get("/api/v1/runs/" + runId).then().statusCode(200).extract().jsonPath().getString("state")).isEqualTo("FAILED");
        assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).isZero();
        // A range still in flight lands nowhere.
        assertThatThrownBy(() -> worker.execute(work)).isInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void planningAgainAfterACrashClearsWhatTheFirstAttemptCreated() throws Exception {
        Target source = source("mask_src_replan");
        Target target = empty("mask_dst_replan");
        String runId = "mask-replan";
        // What a coordinator that died half way through planning this run left in the target.
        try (Connection c = source.jdbc().open(); Connection admin = target.jdbc().open()) {
            io.seedfleet.core.schema.SchemaModel model = io.seedfleet.core.schema.PostgresIntrospector.introspect(c,
                    io.seedfleet.core.schema.IntrospectionOptions.all());
            io.seedfleet.masking.run.TargetDatabase.create(admin, model);
            io.seedfleet.masking.fleet.MaskingLedger.register(admin, runId, model);
        }
        submit(new MaskingRequested(runId, source, target, RULES, null, false));
        MaskingCompleted completed = playWorker(runId);
        assertThat(completed.rowsPerTable()).containsEntry("public.users", 5L);
        assertThat(count(target, "SELECT count(*) FROM public.users")).isEqualTo(5);
    }

    @Test
    void refusesANonEmptyTargetWithoutTouchingIt() throws Exception {
        Target source = source("mask_src_nonempty");
        Target target = source("mask_dst_nonempty");
        String runId = "mask-nonempty";
        submit(new MaskingRequested(runId, source, target, RULES, null, false));
        GenerationFailed failed = Events.fromJson(fleet.take(event(EventType.GENERATION_FAILED, runId), WAIT).value(), GenerationFailed.class);
        assertThat(failed.reason()).contains("not empty");
        assertThat(count(target, "SELECT count(*) FROM public.users")).isEqualTo(5);
    }

    private static void submit(MaskingRequested request) {
        given().contentType(ContentType.JSON).body(Events.toJson(request)).post("/api/v1/runs").then().statusCode(202);
    }

    /** A small "production" database: the target schema with a few rows, e-mails at acme.test. */
    private static Target source(String name) throws Exception {
        RunningPostgres pg = FleetTestResource.postgres();
        Target db = new Target(pg.createDatabase(name), pg.user(), pg.password());
        try (InputStream in = MaskingCoordinatorTest.class.getResourceAsStream("/target-schema.sql");
             Connection c = db.jdbc().open(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            s.execute("INSERT INTO organisations (name, slug) VALUES ('Acme Ltd', 'acme'), ('Globex plc', 'globex'), ('Initech', 'initech')");
            s.execute("INSERT INTO tags (label) VALUES ('gold'), ('silver')");
            s.execute("INSERT INTO users (organisation_id, email, created_at) SELECT 1 + i % 3, 'person' || i || '@acme.test', now() FROM generate_series(1, 5) i");
            s.execute("INSERT INTO orders (user_id, tag_id, total, status) SELECT 1 + i % 5, 1 + i % 2, i * 10, 'paid' FROM generate_series(1, 8) i");
        }
        return db;
    }

    private static Target empty(String name) {
        RunningPostgres pg = FleetTestResource.postgres();
        return new Target(pg.createDatabase(name), pg.user(), pg.password());
    }

    private static long count(Target db, String sql) throws Exception {
        try (Connection c = db.jdbc().open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
