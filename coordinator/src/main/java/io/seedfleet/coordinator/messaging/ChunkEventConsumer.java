package io.seedfleet.coordinator.messaging;

import io.seedfleet.coordinator.run.RunService;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.Events;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What workers report back. Values are parsed here with the shared, strict event mapper, so a
 * malformed record is nacked into the dead-letter topic instead of stopping the consumer.
 */
@ApplicationScoped
public class ChunkEventConsumer {
    private final RunService runs;

    ChunkEventConsumer(RunService runs) {
        this.runs = runs;
    }

    @Incoming("chunk-completed")
    @Blocking
    public void onCompleted(byte[] value) {
        runs.chunkCompleted(Events.fromJson(value, ChunkCompleted.class));
    }

    @Incoming("chunk-failed")
    @Blocking
    public void onFailed(byte[] value) {
        runs.chunkFailed(Events.fromJson(value, ChunkFailed.class));
    }
}
