package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.CloudEventsClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workers come and go as an autoscaler makes them: a run starts with one generator-worker process,
 * gains two more mid-run and loses one to SIGTERM, and still makes exactly the dataset a single
 * worker makes (per-table checksums, as the chunk ledger records them).
 */
class FleetScalingTest {
    private static final long SEED = 77L;
    /**
     * About 250,000 rows in 2,000 chunks of 125: the run's length is set by the per-chunk round trip
     * (work event, transaction, completion), not by the machine's speed, so it lasts long enough on
     * one worker for two more to start and join however fast that worker renders.
     */
    private static final Map<String, Long> ROWS = ExampleSchema.rows(500, 12_500);
    private static final int CHUNK_ROWS = 125;
    private static LocalFleet fleet;
    private static FleetClient client;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = LocalFleet.start(Path.of("..").toAbsolutePath().normalize(), 1, new PrintWriter(new StringWriter()));
        client = new FleetClient(fleet.bootstrapServers());
    }

    @AfterAll
    static void stopFleet() {
        if (client != null) client.close();
        if (fleet != null) fleet.close();
    }

    @Test
    void workersThatJoinAndLeaveMidRunChangeNothingInTheDataset() throws Exception {
        try (CloudEventsClient completions = new CloudEventsClient(fleet.bootstrapServers(), EventType.CHUNK_COMPLETED.topic())) {
            String scaledRun = request(exampleDatabase());
            Set<String> workers = new TreeSet<>();
            awaitChunk(completions, scaledRun, "generator-worker-1", workers);

            fleet.addGeneratorWorkers(2); // returns once both are ready
            awaitChunk(completions, scaledRun, "generator-worker-2", workers);
            fleet.stop("generator-worker-2", Duration.ofSeconds(30)); // SIGTERM, as Kubernetes scales down
            GenerationCompleted scaled = awaitCompletion(scaledRun);

            assertThat(workers).as("workers that wrote chunks of the run").contains("generator-worker-1", "generator-worker-2");
            fleet.stop("generator-worker-3", Duration.ofSeconds(30));
            GenerationCompleted single = awaitCompletion(request(exampleDatabase()));

            assertThat(scaled.tables()).hasSize(23).isEqualTo(single.tables());
        }
    }

    private static String request(JdbcTarget target) throws Exception {
        String runId = "scale-" + UUID.randomUUID();
        client.request(new GenerationRequested(runId, new Target(target.url(), target.user(), target.password()), ROWS, 20L, 2.0, SEED, CHUNK_ROWS,
                null, null));
        return runId;
    }

    /** Waits until {@code worker} has completed a chunk of the run, noting every worker seen completing one. */
    private static void awaitChunk(CloudEventsClient completions, String runId, String worker, Set<String> workers) {
        completions.await(1, r -> {
            ChunkCompleted done = Events.fromJson(r.value(), ChunkCompleted.class);
            if (!done.runId().equals(runId)) return false;
            workers.add(done.worker());
            return done.worker().equals(worker);
        });
    }

    private static GenerationCompleted awaitCompletion(String runId) {
        FleetClient.Received done = client.await(runId, Duration.ofMinutes(5), () -> {}, EventType.GENERATION_COMPLETED, EventType.GENERATION_FAILED)
                .orElseThrow(() -> new AssertionError("no completion for " + runId));
        assertThat(done.type()).as("run %s: %s", runId, done.payload()).isEqualTo(EventType.GENERATION_COMPLETED);
        ValidationCompleted v = (ValidationCompleted) client.await(runId, Duration.ofMinutes(2), () -> {}, EventType.VALIDATION_COMPLETED)
                .orElseThrow(() -> new AssertionError("no validation for " + runId)).payload();
        assertThat(v.passed()).as("validation of %s", runId).isTrue();
        return (GenerationCompleted) done.payload();
    }

    private static JdbcTarget exampleDatabase() throws Exception {
        JdbcTarget target = new JdbcTarget(fleet.postgres().createDatabase("scale_" + UUID.randomUUID().toString().substring(0, 8)),
                fleet.postgres().user(), fleet.postgres().password());
        ExampleSchema.create(target);
        return target;
    }
}
