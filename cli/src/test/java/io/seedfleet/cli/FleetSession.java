package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** What the fleet tests share: a quiet {@link LocalFleet} of this checkout, a client, and the waits for a run's outcome. */
final class FleetSession implements AutoCloseable {
    final LocalFleet fleet;
    final FleetClient client;

    private FleetSession(LocalFleet fleet) {
        this.fleet = fleet;
        this.client = new FleetClient(fleet.bootstrapServers());
    }

    static FleetSession start(int generatorWorkers) throws Exception {
        return new FleetSession(LocalFleet.start(Path.of("..").toAbsolutePath().normalize(), generatorWorkers, new PrintWriter(new StringWriter())));
    }

    /** A new database on the fleet's PostgreSQL holding the example SaaS schema, empty. */
    JdbcTarget exampleDatabase(String prefix) throws Exception {
        JdbcTarget target = new JdbcTarget(fleet.postgres().createDatabase(prefix + "_" + UUID.randomUUID().toString().substring(0, 8)),
                fleet.postgres().user(), fleet.postgres().password());
        ExampleSchema.create(target);
        return target;
    }

    /** The run's generation-completed; fails on generation-failed or when none comes within {@code timeout}. */
    GenerationCompleted awaitCompletion(String runId, Duration timeout) {
        FleetClient.Received done = client.await(runId, timeout, () -> {}, EventType.GENERATION_COMPLETED, EventType.GENERATION_FAILED)
                .orElseThrow(() -> new AssertionError("no completion for " + runId));
        assertThat(done.type()).as("run %s: %s", runId, done.payload()).isEqualTo(EventType.GENERATION_COMPLETED);
        return (GenerationCompleted) done.payload();
    }

    ValidationCompleted awaitValidation(String runId) {
        return (ValidationCompleted) client.await(runId, Duration.ofMinutes(2), () -> {}, EventType.VALIDATION_COMPLETED)
                .orElseThrow(() -> new AssertionError("no validation for " + runId)).payload();
    }

    @Override
    public void close() {
        client.close();
        fleet.close();
    }
}
