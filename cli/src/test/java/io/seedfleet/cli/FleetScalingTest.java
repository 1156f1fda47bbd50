package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.CloudEventsClient;
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
    private static FleetSession session;
    private static LocalFleet fleet;

    @BeforeAll
    static void startFleet() throws Exception {
        session = FleetSession.start(1);
        fleet = session.fleet;
    }

    @AfterAll
    static void stopFleet() {
        if (session != null) session.close();
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
        session.client.request(new GenerationRequested(runId, new Target(target.url(), target.user(), target.password()), ROWS, 20L, 2.0, SEED, CHUNK_ROWS,
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
        GenerationCompleted done = session.awaitCompletion(runId, Duration.ofMinutes(5));
        assertThat(session.awaitValidation(runId).passed()).as("validation of %s", runId).isTrue();
        return done;
    }

    private static JdbcTarget exampleDatabase() throws Exception {
        return session.exampleDatabase("scale");
    }
}
