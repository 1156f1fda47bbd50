package io.seedfleet.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.run.RunPlanner;
import io.seedfleet.testkit.CloudEventsClient;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operating the worker relies on: a chunk cut off mid-write (as when a pod is killed during it)
 * leaves nothing behind and is written whole when redelivered; the metrics count what happened; the
 * readiness probe really checks Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = FleetTestResource.class, initArgs = @ResourceArg(name = FleetTestResource.DATASOURCE, value = "false"))
class ChunkOperationsTest {
    /**
     * Fails the 150th row a COPY brings into users, once: the sequence is not transactional, so the
     * rolled-back delivery used it up and the redelivery passes. The same cut a killed worker makes:
     * rows already sent, the transaction never committed.
     */
    static final String INTERRUPT_ONCE = """
            CREATE SEQUENCE rows_seen;
            CREATE FUNCTION interrupt_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF nextval('rows_seen') = 150 THEN RAISE EXCEPTION 'connection lost mid-chunk'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER interrupt_once BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION interrupt_once();
            """;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    CloudEventsClient kafka;

    @BeforeEach
    void connect() {
        kafka = new CloudEventsClient(FleetTestResource.kafka().bootstrapServers(), EventType.CHUNK_COMPLETED.topic(), EventType.CHUNK_FAILED.topic());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aChunkInterruptedMidWriteLeavesNoRowsAndIsWrittenWholeWhenRedelivered() throws Exception {
        Target target = ChunkWorkerTest.targetDatabase("gw_interrupted");
        try (Connection c = target.jdbc().open(); Statement s = c.createStatement()) {
            s.execute(INTERRUPT_ONCE);
        }
        RunPlanner.PlannedRun run = RunPlanner.plan("run-cut", new GenerationRequested("run-cut", target,
                Map.of("organizations", 10L, "users", 300L), null, null, 3L, 1000, null, null));
        List<ChunkWork> organizations = run.stages().get(0);
        ChunkWork users = run.stages().get(1).get(0);
        assertThat(users.table()).endsWith("users");
        assertThat(users.rowEnd() - users.rowStart()).isEqualTo(300);
        String metricsBefore = get(metrics).body();
        organizations.forEach(this::send);
        kafka.await(organizations.size(), r -> r.topic().equals(EventType.CHUNK_COMPLETED.topic()) && "run-cut".equals(r.key()));

        send(users);
        ChunkFailed failed = Events.fromJson(kafka.await(1, r -> r.topic().equals(EventType.CHUNK_FAILED.topic()) && "run-cut".equals(r.key()))
                .get(0).value(), ChunkFailed.class);
        assertThat(failed.error()).contains("connection lost mid-chunk");
        assertThat(ChunkWorkerTest.count(target, "users")).as("149 rows reached the table, none survived").isZero();
        assertThat(ledgerEntries(target, users)).as("no ledger entry: the chunk counts as never written").isZero();

        send(users);
        ConsumerRecord<String, byte[]> done = kafka.await(1, r -> r.topic().equals(EventType.CHUNK_COMPLETED.topic()) && "run-cut".equals(r.key())).get(0);
        assertThat(Events.fromJson(done.value(), ChunkCompleted.class).alreadyWritten()).isFalse();
        assertThat(ChunkWorkerTest.count(target, "users")).isEqualTo(300);
        assertThat(ledgerEntries(target, users)).isEqualTo(1);

        send(users); // and once more: the ledger answers, nothing is written
        kafka.await(1, r -> r.topic().equals(EventType.CHUNK_COMPLETED.topic()) && "run-cut".equals(r.key()));
        assertThat(ChunkWorkerTest.count(target, "users")).isEqualTo(300);

        String metricsAfter = get(metrics).body();
        String rowsOfUsers = "seedfleet_rows_written_total{service=\"generator-worker\",table=\"" + users.table() + "\"}";
        assertThat(value(metricsAfter, rowsOfUsers) - value(metricsBefore, rowsOfUsers)).isEqualTo(300);
        assertThat(delta(metricsBefore, metricsAfter, "seedfleet_chunk_failures_total{service=\"generator-worker\"}")).isEqualTo(1);
        assertThat(delta(metricsBefore, metricsAfter, "seedfleet_chunk_redeliveries_total{service=\"generator-worker\"}")).isEqualTo(1);
        assertThat(delta(metricsBefore, metricsAfter,
                "seedfleet_chunk_duration_seconds_count{outcome=\"succeeded\",service=\"generator-worker\"}")).isEqualTo(organizations.size() + 2);
        assertThat(value(metricsAfter, "seedfleet_chunks_in_flight{service=\"generator-worker\"}")).isZero();
        assertThat(metricsAfter).contains("seedfleet_chunk_duration_seconds_bucket{");
    }

    @Test
    void readinessCoversEveryKafkaChannel() throws Exception {
        HttpResponse<String> health = get(ready);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\": \"UP\"").contains("SmallRye Reactive Messaging - readiness check")
                .contains("\"chunk-work\"").contains("\"chunk-completed\"").contains("\"chunk-failed\"");
    }

    void send(ChunkWork work) {
        kafka.send(EventType.CHUNK_WORK.topic(), EventType.CHUNK_WORK.type(), work.runId(), Events.toJson(work));
    }

    static long ledgerEntries(Target target, ChunkWork work) throws Exception {
        try (Connection c = target.jdbc().open(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM \"seedfleet_ledger\".\"chunks\" WHERE \"run_id\" = ? AND \"table_name\" = ? AND \"row_start\" = ?")) {
            ps.setString(1, work.runId());
            ps.setString(2, work.table());
            ps.setLong(3, work.rowStart());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A sample's value in Prometheus text, 0 when the series is not there yet. */
    static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }
}
