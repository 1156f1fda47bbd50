package io.seedfleet.maskingworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.masking.fleet.MaskingLedger;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.TargetDatabase;
import io.seedfleet.testkit.CloudEventsClient;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The masking worker with a real broker and PostgreSQL, the test playing the coordinator (snapshot held, target created). */
@QuarkusTest
@QuarkusTestResource(value = FleetTestResource.class, initArgs = @ResourceArg(name = FleetTestResource.DATASOURCE, value = "false"))
class MaskingWorkerTest {
    static final String SCHEMA = """
            CREATE TABLE organizations (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL);
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                organization_id bigint NOT NULL REFERENCES organizations (id),
                email text NOT NULL UNIQUE);
            INSERT INTO organizations (name) VALUES ('Acme'), ('Globex'), ('Initech');
            INSERT INTO users (organization_id, email) SELECT 1 + i % 3, 'someone' || i || '@acme.test' FROM generate_series(1, 10) i;
            """;
    static final Map<String, Map<String, MaskRule>> RULES = Map.of("users", Map.of("email", new MaskRule("email", Map.of())));
    static final String WORK = EventType.MASKING_WORK.topic();
    static final String COMPLETED = EventType.CHUNK_COMPLETED.topic();
    static final String FAILED = EventType.CHUNK_FAILED.topic();

    CloudEventsClient kafka;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void connect() {
        kafka = new CloudEventsClient(FleetTestResource.kafka().bootstrapServers(), COMPLETED, FAILED, EventType.DEAD_LETTER_TOPIC);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void masksEveryRangeOnceAndReportsEachDelivery() throws Exception {
        Target source = database("mw_source", SCHEMA);
        Target target = database("mw_target", null);
        double rowsBefore = counted("seedfleet.rows.written");
        double redeliveriesBefore = counted("seedfleet.chunk.redeliveries");
        try (Connection holder = source.jdbc().open(); Connection admin = target.jdbc().open()) {
            String snapshot = MaskRun.exportSnapshot(holder);
            SchemaModel model;
            try (Connection c = source.jdbc().open()) {
                model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            }
            TargetDatabase.create(admin, model);
            MaskingLedger.register(admin, "run-mw", model);
            List<MaskingWork> work = new ArrayList<>();
            Map<String, Integer> numbers = new java.util.HashMap<>();
            for (MaskRun.KeyRange r : MaskRun.ranges(holder, model, 4)) {
                String table = r.table().name().toString();
                work.add(new MaskingWork("run-mw", source, target, snapshot, 0, table, numbers.merge(table, 1, Integer::sum) - 1,
                        r.keyColumn(), r.from(), r.to(), RULES, null));
            }
            work.forEach(this::send);

            List<ConsumerRecord<String, byte[]>> reports = kafka.await(work.size(), r -> r.topic().equals(COMPLETED) && "run-mw".equals(r.key()));
            assertThat(reports).allSatisfy(r -> {
                assertThat(CloudEventsClient.header(r, "ce_type")).isEqualTo(EventType.CHUNK_COMPLETED.type());
                assertThat(CloudEventsClient.header(r, "ce_source")).isEqualTo("urn:seedfleet:masking-worker");
                ChunkCompleted done = Events.fromJson(r.value(), ChunkCompleted.class);
                assertThat(done.phase()).isEqualTo("MASK");
                assertThat(done.alreadyWritten()).isFalse();
            });
            assertThat(count(target, "SELECT count(*) FROM users")).isEqualTo(10);
            assertThat(count(target, "SELECT count(*) FROM organizations")).isEqualTo(3);
            assertThat(count(target, "SELECT count(*) FROM users WHERE email LIKE '%@acme.test'")).as("e-mails masked").isZero();

            MaskingWork last = work.get(work.size() - 1);
            send(last);
            ConsumerRecord<String, byte[]> again = kafka.await(1, r -> r.topic().equals(COMPLETED) && "run-mw".equals(r.key())).get(0);
            assertThat(Events.fromJson(again.value(), ChunkCompleted.class).alreadyWritten()).isTrue();
            assertThat(count(target, "SELECT count(*) FROM users")).isEqualTo(10);
            assertThat(count(source, "SELECT count(*) FROM users WHERE email LIKE '%@acme.test'")).as("the source is only read").isEqualTo(10);
            // Each report is sent after its range is counted: the rows once, the redelivery as one.
            assertThat(counted("seedfleet.rows.written") - rowsBefore).as("rows written").isEqualTo(13);
            assertThat(counted("seedfleet.chunk.redeliveries") - redeliveriesBefore).as("redeliveries").isEqualTo(1);
        }
    }

    @Test
    void deadLettersGarbageAndReportsAFailedRangeWithoutPasswords() throws Exception {
        double failuresBefore = counted("seedfleet.chunk.failures");
        kafka.send(WORK, EventType.MASKING_WORK.type(), "garbage", "{not json".getBytes(StandardCharsets.UTF_8));
        Target source = database("mw_poison", SCHEMA);
        Target gone = new Target(source.jdbcUrl().replace("mw_poison", "mw_gone"), source.username(), "s3cret-pw");
        send(new MaskingWork("run-poison", gone, gone, "00000003-0000001B-1", 0, "public.users", 0, "id", 1L, 5L, RULES, null));

        ConsumerRecord<String, byte[]> dead = kafka.await(1, r -> r.topic().equals(EventType.DEAD_LETTER_TOPIC) && "garbage".equals(r.key())).get(0);
        assertThat(CloudEventsClient.header(dead, "dead-letter-reason")).contains("MaskingWork");
        ChunkFailed failed = Events.fromJson(kafka.await(1, r -> r.topic().equals(FAILED) && "run-poison".equals(r.key())).get(0).value(), ChunkFailed.class);
        assertThat(failed.phase()).isEqualTo("MASK");
        assertThat(failed.error()).contains("mw_gone").doesNotContain("s3cret-pw");
        assertThat(counted("seedfleet.chunk.failures") - failuresBefore).as("only the failed range counts as a failure, not the dead letter").isEqualTo(1);
    }

    /** The masking worker's count of {@code name}, summed over its tags. */
    double counted(String name) {
        return registry.find(name).tag("service", MaskingMetrics.SERVICE).counters().stream().mapToDouble(Counter::count).sum();
    }

    void send(MaskingWork work) {
        kafka.send(WORK, EventType.MASKING_WORK.type(), work.runId(), Events.toJson(work));
    }

    static Target database(String name, String sql) throws Exception {
        RunningPostgres pg = FleetTestResource.postgres();
        Target db = new Target(pg.createDatabase(name), pg.user(), pg.password());
        if (sql != null) {
            try (Connection c = db.jdbc().open(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
        return db;
    }

    static long count(Target db, String sql) throws Exception {
        try (Connection c = db.jdbc().open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
