package io.seedfleet.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.seedfleet.testkit.CloudEventsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.run.RunPlanner;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FleetTestResource.class, initArgs = @ResourceArg(name = FleetTestResource.DATASOURCE, value = "false"))
class ChunkWorkerTest {
    static final String SCHEMA = """
            CREATE TABLE organizations (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL);
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                organization_id bigint NOT NULL REFERENCES organizations (id),
                email text NOT NULL UNIQUE);
            """;

    static final String WORK = EventType.CHUNK_WORK.topic();
    static final String COMPLETED = EventType.CHUNK_COMPLETED.topic();
    static final String FAILED = EventType.CHUNK_FAILED.topic();

    CloudEventsClient kafka;

    @BeforeEach
    void connect() {
        kafka = new CloudEventsClient(FleetTestResource.kafka().bootstrapServers(), COMPLETED, FAILED, EventType.DEAD_LETTER_TOPIC);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void writesEveryChunkOnceAndReportsEachDelivery() throws Exception {
        Target target = targetDatabase("gw_run");
        RunPlanner.PlannedRun run = RunPlanner.plan("run-gw", new GenerationRequested("run-gw", target,
                Map.of("organizations", 20L, "users", 300L), null, null, 7L, 100, null, null));
        List<ChunkWork> work = run.stages().stream().flatMap(List::stream).toList();
        work.forEach(this::send);

        List<ConsumerRecord<String, byte[]>> reports = kafka.await(work.size(), r -> r.topic().equals(COMPLETED) && "run-gw".equals(r.key()));
        assertThat(reports).allSatisfy(r -> {
            assertThat(CloudEventsClient.header(r, "ce_type")).isEqualTo(EventType.CHUNK_COMPLETED.type());
            assertThat(CloudEventsClient.header(r, "ce_source")).isEqualTo("urn:seedfleet:generator-worker");
            assertThat(Events.fromJson(r.value(), ChunkCompleted.class).alreadyWritten()).isFalse();
        });
        assertThat(count(target, "organizations")).isEqualTo(20);
        assertThat(count(target, "users")).isEqualTo(300);

        send(work.get(work.size() - 1));
        ConsumerRecord<String, byte[]> again = kafka.await(1, r -> r.topic().equals(COMPLETED) && "run-gw".equals(r.key())).get(0);
        assertThat(Events.fromJson(again.value(), ChunkCompleted.class).alreadyWritten()).isTrue();
        assertThat(count(target, "users")).isEqualTo(300);
    }

    @Test
    void deadLettersGarbageAndKeepsWorking() throws Exception {
        Target target = targetDatabase("gw_poison");
        RunPlanner.PlannedRun run = RunPlanner.plan("run-poison", new GenerationRequested("run-poison", target,
                Map.of("organizations", 5L, "users", 10L), null, null, 1L, null, null, null));
        kafka.send(WORK, EventType.CHUNK_WORK.type(), "garbage", "{not json".getBytes(StandardCharsets.UTF_8));
        // A well-formed event whose target has gone: reported as failed, without the password.
        ChunkWork w = run.stages().get(0).get(0);
        Target gone = new Target(target.jdbcUrl().replace("gw_poison", "gw_gone"), target.username(), "s3cret-pw");
        send(new ChunkWork(w.runId(), gone, w.seed(), w.anchorEpochMicros(), w.edgeCasesPerMille(), w.localeMix(), w.rowCounts(), w.schemaFingerprint(),
                w.stage(), w.table(), w.phase(), w.rowStart(), w.rowEnd()));

        ConsumerRecord<String, byte[]> dead = kafka.await(1, r -> r.topic().equals(EventType.DEAD_LETTER_TOPIC) && "garbage".equals(r.key())).get(0);
        assertThat(CloudEventsClient.header(dead, "dead-letter-reason")).contains("not a valid ChunkWork");
        ChunkFailed failed = Events.fromJson(kafka.await(1, r -> r.topic().equals(FAILED) && "run-poison".equals(r.key())).get(0).value(), ChunkFailed.class);
        assertThat(failed.error()).contains("gw_gone").doesNotContain("s3cret-pw");
    }

    void send(ChunkWork work) {
        kafka.send(WORK, EventType.CHUNK_WORK.type(), work.runId(), Events.toJson(work));
    }

    static Target targetDatabase(String name) throws Exception {
        RunningPostgres pg = FleetTestResource.postgres();
        Target target = new Target(pg.createDatabase(name), pg.user(), pg.password());
        try (Connection c = target.jdbc().open(); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
        }
        return target;
    }

    static long count(Target target, String table) throws Exception {
        try (Connection c = target.jdbc().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
