package io.seedfleet.coordinator.messaging;

import io.seedfleet.coordinator.run.RunService;
import io.seedfleet.coordinator.store.StoredRun;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationRequested;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code test-data:generation-requested}: accepts and plans the run before the record is
 * acknowledged, so a crash while planning gets the request redelivered. The value is read as bytes
 * and parsed here with the shared, strict event mapper: a record that is not a valid request throws,
 * is nacked, and the channel's dead-letter strategy moves it aside with the reason.
 */
@ApplicationScoped
public class GenerationRequestConsumer {
    private final RunService runs;

    GenerationRequestConsumer(RunService runs) {
        this.runs = runs;
    }

    @Incoming("generation-requested")
    @Blocking
    public void onRequest(byte[] value) {
        StoredRun run = runs.accept(Events.fromJson(value, GenerationRequested.class));
        runs.plan(run.runId());
    }
}
