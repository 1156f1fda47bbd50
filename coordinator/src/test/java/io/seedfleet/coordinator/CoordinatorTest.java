package io.seedfleet.coordinator;

import static io.restassured.RestAssured.given;
import static io.seedfleet.coordinator.FleetClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.seedfleet.coordinator.run.RunRecovery;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.run.ChunkExecutor;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator against a real broker and a real PostgreSQL, with the test playing the workers:
 * it executes chunk work with the core's {@link ChunkExecutor} and reports completions as a worker would.
 */
@QuarkusTest
@QuarkusTestResource(FleetTestResource.class)
class CoordinatorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> TABLES = List.of("public.organisations", "public.tags", "public.users", "public.orders");
    private static FleetClient fleet;

    private final ChunkExecutor worker = new ChunkExecutor("test-worker");

    @Inject
    RunRecovery recovery;

    @BeforeEach
    void connect() {
        if (fleet == null) fleet = new FleetClient(FleetTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        if (fleet != null) fleet.close();
    }

    @Test
    void releasesStageAfterStageAndCompletesTheRun() throws Exception {
        Target target = targetDatabase("target_staged");
        Map<String, Long> rows = Map.of("organisations", 15L, "tags", 12L, "users", 30L, "orders", 45L);
        given().contentType(ContentType.JSON)
                .body(Events.toJson(new GenerationRequested("run-staged", target, rows, null, null, 7L, 10, null, null)))
                .post("/api/v1/runs")
                .then().statusCode(202).body("runId", equalTo("run-staged")).body("seed", equalTo(7));
        awaitStatus("run-staged", s -> s.getString("state").equals("RUNNING"));
        List<Integer> chunksPerStage = chunksPerStage("run-staged");
        assertThat(chunksPerStage).as("organisations and tags, then users, then orders").containsExactly(4, 3, 5);

        // Stage 0, all but its last completion: stage 1 must not be released yet, and a repeated completion changes nothing.
        List<ChunkCompleted> results = new ArrayList<>();
        List<ChunkCompleted> stage0 = executeStage("run-staged", 0, chunksPerStage.get(0));
        results.addAll(stage0);
        stage0.subList(0, 3).forEach(c -> fleet.send(EventType.CHUNK_COMPLETED, c.runId(), c));
        fleet.send(EventType.CHUNK_COMPLETED, "run-staged", stage0.get(0));
        awaitStatus("run-staged", s -> s.getInt("chunksDone") == 3);
        assertThat(fleet.poll(event(EventType.CHUNK_WORK, "run-staged"), Duration.ofSeconds(2))).isEmpty();
        JsonPath halfway = status("run-staged");
        assertThat(halfway.getInt("chunksDone")).isEqualTo(3);
        assertThat(halfway.getInt("stage")).isEqualTo(0);
        fleet.send(EventType.CHUNK_COMPLETED, "run-staged", stage0.get(3));

        // Stage 1 arrives; a recovery (as after a restart) sends its unfinished work again, and workers take it in stride.
        List<ChunkCompleted> stage1 = executeStage("run-staged", 1, chunksPerStage.get(1));
        recovery.recover();
        List<ChunkCompleted> redelivered = executeStage("run-staged", 1, chunksPerStage.get(1));
        assertThat(redelivered).allMatch(ChunkCompleted::alreadyWritten);
        results.addAll(stage1);
        stage1.forEach(c -> fleet.send(EventType.CHUNK_COMPLETED, c.runId(), c));
        redelivered.forEach(c -> fleet.send(EventType.CHUNK_COMPLETED, c.runId(), c));

        List<ChunkCompleted> stage2 = executeStage("run-staged", 2, chunksPerStage.get(2));
        results.addAll(stage2);
        stage2.forEach(c -> fleet.send(EventType.CHUNK_COMPLETED, c.runId(), c));

        GenerationCompleted completed = Events.fromJson(
                fleet.take(event(EventType.GENERATION_COMPLETED, "run-staged"), WAIT).value(), GenerationCompleted.class);
        assertThat(completed.seed()).isEqualTo(7);
        assertThat(completed.totalRows()).isEqualTo(102);
        assertThat(completed.tables()).isEqualTo(expectedTotals(results));
        assertThat(completed.tables()).extractingFromEntries(e -> e.getValue().rows())
                .containsExactlyInAnyOrder(15L, 12L, 30L, 45L);

        JsonPath done = status("run-staged");
        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getInt("chunksDone")).isEqualTo(12);
        assertThat(done.getInt("chunksTotal")).isEqualTo(12);
        assertThat(done.getInt("rowsDone")).isEqualTo(102);
        assertThat(done.getInt("tables.'public.users'.rowsDone")).isEqualTo(30);
        assertThat(rowCounts(target)).containsExactly(15L, 12L, 30L, 45L);
        try (Connection c = open(target); Statement s = c.createStatement()) {
            // Sequences were advanced past the generated keys, so the application can insert again.
            s.execute("INSERT INTO organisations (name, slug) VALUES ('after', 'after-the-run')");
        }
    }

    @Test
    void aRequestThatCannotBePlannedFailsWithoutTouchingTheTarget() throws Exception {
        Target target = targetDatabase("target_unknown_table");
        given().contentType(ContentType.JSON)
                .body(Events.toJson(new GenerationRequested("run-unknown-table", target,
                        Map.of("organisations", 5L, "no_such_table", 5L), null, null, null, null, null, null)))
                .post("/api/v1/runs")
                .then().statusCode(202);

        GenerationFailed failed = Events.fromJson(
                fleet.take(event(EventType.GENERATION_FAILED, "run-unknown-table"), WAIT).value(), GenerationFailed.class);
        assertThat(failed.targetUntouched()).isTrue();
        assertThat(failed.problems()).anySatisfy(p -> assertThat(p).contains("no_such_table").contains("no such table"));

        JsonPath status = status("run-unknown-table");
        assertThat(status.getString("state")).isEqualTo("FAILED");
        assertThat(status.getList("problems", String.class)).anySatisfy(p -> assertThat(p).contains("no_such_table"));
        assertThat(rowCounts(target)).containsOnly(0L);
        given().get("/api/v1/runs/no-such-run").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aFailedChunkFailsTheRunAndUndoesIt() throws Exception {
        Target target = targetDatabase("target_chunk_failed");
        given().contentType(ContentType.JSON)
                .body(Events.toJson(new GenerationRequested("run-chunk-failed", target,
                        Map.of("organisations", 3L, "tags", 2L, "users", 4L, "orders", 5L), null, null, null, 1, null, null)))
                .post("/api/v1/runs")
                .then().statusCode(202);
        ChunkWork written = Events.fromJson(fleet.take(event(EventType.CHUNK_WORK, "run-chunk-failed"), WAIT).value(), ChunkWork.class);
        ChunkWork failing = Events.fromJson(fleet.take(event(EventType.CHUNK_WORK, "run-chunk-failed"), WAIT).value(), ChunkWork.class);
        ChunkWork late = Events.fromJson(fleet.take(event(EventType.CHUNK_WORK, "run-chunk-failed"), WAIT).value(), ChunkWork.class);
        worker.execute(written);
        assertThat(rowCounts(target).stream().mapToLong(Long::longValue).sum()).as("one chunk written").isEqualTo(1);
        fleet.send(EventType.CHUNK_FAILED, "run-chunk-failed", new ChunkFailed("run-chunk-failed", failing.stage(), failing.table(),
                failing.phase(), failing.rowStart(), failing.rowEnd(), "disk full", "test-worker"));

        GenerationFailed failed = Events.fromJson(
                fleet.take(event(EventType.GENERATION_FAILED, "run-chunk-failed"), WAIT).value(), GenerationFailed.class);
        assertThat(failed.targetUntouched()).as("the run was undone").isTrue();
        assertThat(failed.reason()).contains(failing.table());
        assertThat(failed.problems()).containsExactly("disk full");
        assertThat(rowCounts(target)).containsOnly(0L);
        assertThatThrownBy(() -> worker.execute(late)).as("a late delivery writes nothing").hasMessageContaining("FAILED");
        assertThat(rowCounts(target)).containsOnly(0L);
        JsonPath status = status("run-chunk-failed");
        assertThat(status.getString("state")).isEqualTo("FAILED");
        assertThat(status.getString("error")).contains(failing.table());
    }

    @Test
    void aMalformedRequestIsDeadLetteredAndTheNextOneStillRuns() throws Exception {
        fleet.sendRaw(EventType.GENERATION_REQUESTED.topic(), "garbage", "{not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> dead = fleet.take(r -> r.topic().equals(EventType.DEAD_LETTER_TOPIC)
                && "garbage".equals(r.key()), WAIT);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(FleetClient.header(dead, "dead-letter-reason")).contains("GenerationRequested");

        Target target = targetDatabase("target_after_garbage");
        fleet.send(EventType.GENERATION_REQUESTED, "run-after-garbage", new GenerationRequested("run-after-garbage", target,
                Map.of("organisations", 3L, "tags", 2L, "users", 4L, "orders", 5L), null, null, 11L, null, null, null));
        GenerationCompleted completed = runToCompletion("run-after-garbage");
        assertThat(completed.totalRows()).isEqualTo(14);
        assertThat(status("run-after-garbage").getString("state")).isEqualTo("COMPLETED");
    }

    /** Takes the next {@code chunks} work events of the run, checks they all belong to {@code stage}, and executes them. */
    private List<ChunkCompleted> executeStage(String runId, int stage, int chunks) throws Exception {
        List<ChunkCompleted> results = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            ConsumerRecord<String, byte[]> record = fleet.take(event(EventType.CHUNK_WORK, runId), WAIT);
            ChunkWork work = Events.fromJson(record.value(), ChunkWork.class);
            assertThat(work.stage()).as("work of stage %d before stage %d was done", work.stage(), stage).isEqualTo(stage);
            assertThat(record.key()).isEqualTo(runId + "/" + work.table() + "/" + work.phase() + "/" + work.rowStart());
            assertThat(FleetClient.header(record, "ce_source")).isEqualTo("urn:seedfleet:coordinator");
            results.add(worker.execute(work));
        }
        return results;
    }

    /** Plays the workers for a run whose stages are not inspected: executes whatever work arrives until the run ends. */
    private GenerationCompleted runToCompletion(String runId) throws Exception {
        while (true) {
            ConsumerRecord<String, byte[]> record = fleet.take(
                    event(EventType.CHUNK_WORK, runId).or(event(EventType.GENERATION_COMPLETED, runId)), WAIT);
            if (!EventType.CHUNK_WORK.type().equals(FleetClient.header(record, "ce_type"))) {
                return Events.fromJson(record.value(), GenerationCompleted.class);
            }
            ChunkCompleted done = worker.execute(Events.fromJson(record.value(), ChunkWork.class));
            fleet.send(EventType.CHUNK_COMPLETED, runId, done);
        }
    }

    private static Map<String, TableTotal> expectedTotals(List<ChunkCompleted> results) {
        Map<String, long[]> sums = new TreeMap<>();
        for (ChunkCompleted c : results) {
            long[] sum = sums.computeIfAbsent(c.table(), t -> new long[2]);
            sum[0] += c.rows();
            sum[1] += Long.parseUnsignedLong(c.checksum(), 16);
        }
        Map<String, TableTotal> totals = new TreeMap<>();
        sums.forEach((t, sum) -> totals.put(t, new TableTotal(sum[0], RunSummary.checksumText(sum[1]))));
        return totals;
    }

    private static JsonPath status(String runId) {
        return given().get("/api/v1/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitStatus(String runId, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(status(runId))) {
            assertThat(System.nanoTime()).as("run %s reaches the expected status in time", runId).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<Integer> chunksPerStage(String runId) throws Exception {
        RunningPostgres pg = FleetTestResource.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(FleetTestResource.DATABASE), pg.user(), pg.password());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM seedfleet.run_chunks WHERE run_id = ? GROUP BY stage ORDER BY stage")) {
            ps.setString(1, runId);
            List<Integer> counts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.add(rs.getInt(1));
            }
            return counts;
        }
    }

    private static Target targetDatabase(String name) throws Exception {
        RunningPostgres pg = FleetTestResource.postgres();
        Target target = new Target(pg.createDatabase(name), pg.user(), pg.password());
        try (InputStream in = CoordinatorTest.class.getResourceAsStream("/target-schema.sql");
             Connection c = open(target); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return target;
    }

    private static List<Long> rowCounts(Target target) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (Connection c = open(target); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Connection open(Target target) throws Exception {
        return target.jdbc().open();
    }
}
